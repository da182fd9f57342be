using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>How the emulator answers: JSON values, "OK", and errors in the configured body shape.</summary>
public static class ApiReplies
{
    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8, status);

    /// <summary>Actions and deletes answer with the JSON string "OK".</summary>
    public static IResult Ok() => Results.Text("\"OK\"", "application/json", Encoding.UTF8, 200);

    public static IResult Error(EmulatorOptions options, int status, string message)
    {
        switch (options.ErrorShape)
        {
            case ErrorBodyShape.MessageObject:
                return Json(new JsonObject { ["message"] = message }, status);
            case ErrorBodyShape.JsonString:
                return Results.Text(JsonSerializer.Serialize(message), "application/json", Encoding.UTF8, status);
            case ErrorBodyShape.PlainText:
                return Results.Text(message, "text/plain", Encoding.UTF8, status);
            default:
                return Json(new JsonObject { ["error"] = message }, status);
        }
    }
}
