using System.Text.Json.Serialization;

namespace Upstash.Kafka.Emulator.Faults;

/// <summary>What an injected fault does to a request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.Status"/> (and Retry-After) without applying the request.</summary>
    Status,

    /// <summary>Wait <see cref="FaultRule.DelayMs"/>, then handle the request normally (a slow server).</summary>
    Delay,

    /// <summary>Drop the connection before the request is applied: nothing changed on the server.</summary>
    DropBefore,

    /// <summary>Apply the request, then drop the connection: the change happened but the reply is lost.</summary>
    DropAfter,

    /// <summary>Apply the request, then answer 200 with <see cref="FaultRule.Body"/> instead of the real reply.</summary>
    MalformedBody,

    /// <summary>Answer 200 with <see cref="FaultRule.Body"/> without applying the request (a wrong server).</summary>
    ReplaceBody,
}

/// <summary>
/// One fault-injection rule: which requests it matches (method and a path pattern with '*' wildcards), what it does,
/// and how often (the next <see cref="Count"/> matches, or each match with <see cref="Probability"/>).
/// </summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; set; } = FaultKind.Status;

    /// <summary>HTTP method to match, or null for any.</summary>
    public string? Method { get; set; }

    /// <summary>Path pattern, '*' matching any run of characters; null matches every API path.</summary>
    public string? Path { get; set; }

    public int Status { get; set; } = 503;

    /// <summary>Error body shape for <see cref="FaultKind.Status"/>; null means the emulator's configured shape.</summary>
    public ErrorBodyShape? Shape { get; set; }

    /// <summary>The error text (Status) or the whole body (MalformedBody, ReplaceBody).</summary>
    public string? Body { get; set; }

    /// <summary>Retry-After header value to send with a status, e.g. "1" or an HTTP date.</summary>
    public string? RetryAfter { get; set; }

    public int DelayMs { get; set; }

    /// <summary>Apply to the next N matching requests; null for no limit (use with <see cref="Probability"/>).</summary>
    public int? Count { get; set; } = 1;

    /// <summary>Chance (0..1) that a matching request is hit; draws come from the injector's seeded random.</summary>
    public double Probability { get; set; } = 1.0;
}
