namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// Which requests are Kafka Connect's, and Jersey's replies for a path or a method the worker does not have.
/// </summary>
public static class KafkaConnectRouting
{
    /// <summary>
    /// ASP.NET Core's routing answers "path known, method not" with an endpoint of this name and an empty 405; Jersey
    /// answers {"error_code":405,...}. The name is the framework's (HttpMethodMatcherPolicy), unchanged since 3.0.
    /// </summary>
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    /// <summary>
    /// The Upstash API lives under /v2/ and the control plane under /_emulator/; everything else is the Kafka Connect
    /// worker's (/, /connectors..., /connector-plugins..., /health), so one process is both servers.
    /// </summary>
    public static bool Owns(PathString path) =>
        !path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWithSegments("/_emulator", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the matched endpoint, or answers as Jersey does when there is none (404) or not for this method (405).</summary>
    public static RequestDelegate WithJerseyFallback(RequestDelegate next) => async context =>
    {
        Endpoint? endpoint = context.GetEndpoint();
        if (endpoint == null)
        {
            await KafkaConnectReplies.JerseyNotFoundReply().ExecuteAsync(context);
            return;
        }

        if (endpoint.DisplayName == MethodNotAllowedEndpoint)
        {
            await KafkaConnectReplies.JerseyMethodNotAllowedReply().ExecuteAsync(context);
            return;
        }

        await next(context);
    };
}
