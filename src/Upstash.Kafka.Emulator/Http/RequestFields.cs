using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>Typed reads of request body fields, for every kind's routes.</summary>
public static class RequestFields
{
    /// <summary>The field when it is a JSON string; null when missing or of another type.</summary>
    public static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
