using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// How Kafka Connect answers: JSON entities, bodiless 202/204, and errors always as
/// {"error_code": status, "message": ...} (AK ErrorMessage, ConnectExceptionMapper), whatever the Upstash side's
/// configured error shape is.
/// </summary>
public static class KafkaConnectReplies
{
    /// <summary>Jersey's own texts when the path (404) or the method (405) does not exist: a worker too old for it.</summary>
    public const string JerseyNotFound = "HTTP 404 Not Found";

    public const string JerseyMethodNotAllowed = "HTTP 405 Method Not Allowed";

    /// <summary>What BasicAuthSecurityRestExtension's filter answers, as plain text.</summary>
    public const string BasicAuthRefusal = "User cannot access the resource.";

    /// <summary>The transient 409 a leader-routed request gets during a rebalance (AK HerderRequestHandler).</summary>
    public const string Rebalancing = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

    /// <summary>Jackson escapes only what JSON requires: quotes and backticks in messages stay readable.</summary>
    private static readonly JsonSerializerOptions JacksonLike = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(JacksonLike), "application/json", Encoding.UTF8, status);

    public static IResult Error(int status, string message) =>
        Json(new JsonObject { ["error_code"] = status, ["message"] = message }, status);

    public static IResult NotFound(string message) => Error(404, message);

    public static IResult BadRequest(string message) => Error(400, message);

    /// <summary>A 500 as ConnectExceptionMapper gives one for an exception that is not a REST one (Jackson, plugins).</summary>
    public static IResult ServerError(string message) => Error(500, message);

    public static IResult JerseyNotFoundReply() => Error(404, JerseyNotFound);

    public static IResult JerseyMethodNotAllowedReply() => Error(405, JerseyMethodNotAllowed);

    public static IResult NoContent() => Results.StatusCode(204);

    /// <summary>Pause and resume: 202 before anything changes, no body.</summary>
    public static IResult Accepted() => Results.StatusCode(202);

    /// <summary>201 with an absolute Location, as Jersey resolves the resource's relative "/connectors/{name}".</summary>
    public static IResult Created(HttpRequest request, string name, JsonNode body) =>
        new CreatedResult(request.Scheme + "://" + request.Host + "/connectors/" + Uri.EscapeDataString(name), body);

    /// <summary>The text a Status fault rule sends when it names none.</summary>
    public static string DefaultFaultText(int status) => status switch
    {
        409 => Rebalancing,
        500 => "Request timed out",
        _ => "injected fault",
    };

    private sealed class CreatedResult(string location, JsonNode body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            await Json(body, 201).ExecuteAsync(httpContext);
        }
    }
}
