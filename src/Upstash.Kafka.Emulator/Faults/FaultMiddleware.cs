using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Emulator.KafkaConnect;

namespace Upstash.Kafka.Emulator.Faults;

/// <summary>Carries out the fault the injector picked for a request.</summary>
public static class FaultMiddleware
{
    /// <param name="kafkaConnect">A Kafka Connect request: a Status fault answers in Kafka Connect's error body.</param>
    /// <returns>The fault applied, for the journal; null when the request went through untouched.</returns>
    public static async Task<string?> HandleAsync(HttpContext context, RequestDelegate next, FaultInjector faults, EmulatorOptions options, bool kafkaConnect = false)
    {
        FaultRule? rule = faults.Decide(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        if (rule == null)
        {
            await next(context);
            return null;
        }

        switch (rule.Kind)
        {
            case FaultKind.Status:
                if (rule.RetryAfter != null)
                {
                    context.Response.Headers.RetryAfter = rule.RetryAfter;
                }

                // On Kafka Connect paths {"error_code", "message"}, unless the rule names a shape (a proxy's plain text).
                IResult reply = kafkaConnect && rule.Shape == null
                    ? KafkaConnectReplies.Error(rule.Status, rule.Body ?? KafkaConnectReplies.DefaultFaultText(rule.Status))
                    : ApiReplies.Error(new EmulatorOptions { ErrorShape = rule.Shape ?? options.ErrorShape }, rule.Status, rule.Body ?? DefaultText(rule.Status));
                await reply.ExecuteAsync(context);
                return $"status {rule.Status}";

            case FaultKind.Delay:
                await Task.Delay(rule.DelayMs, context.RequestAborted);
                await next(context);
                return $"delay {rule.DelayMs} ms";

            case FaultKind.DropBefore:
                context.Abort();
                return "dropped before applying";

            case FaultKind.DropAfter:
                await RunWithReplyDiscardedAsync(context, next);
                context.Abort();
                return "dropped after applying";

            case FaultKind.MalformedBody:
                await RunWithReplyDiscardedAsync(context, next);
                await WriteRawAsync(context, rule.Body ?? "{\"connector_id\":");
                return "malformed body after applying";

            default:
                await WriteRawAsync(context, rule.Body ?? string.Empty);
                return "replaced body";
        }
    }

    /// <summary>Runs the real handler (so the change is applied) into a buffer nobody reads.</summary>
    private static async Task RunWithReplyDiscardedAsync(HttpContext context, RequestDelegate next)
    {
        Stream original = context.Response.Body;
        await using var sink = new MemoryStream();
        context.Response.Body = sink;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private static async Task WriteRawAsync(HttpContext context, string body)
    {
        context.Response.Headers.Clear();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body);
        await context.Response.WriteAsync(body);
    }

    private static string DefaultText(int status) => status switch
    {
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => "injected fault",
    };
}
