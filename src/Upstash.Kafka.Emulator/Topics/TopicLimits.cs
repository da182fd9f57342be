using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>
/// The three limits and the partition count of a create or reconfigure body, checked the way the service would
/// answer: each a whole JSON number, -1 meaning the highest the cluster allows, nothing above the cluster's limit.
/// </summary>
public sealed class TopicLimits
{
    public int Partitions { get; private init; }

    public long RetentionTime { get; private init; }

    public long RetentionSize { get; private init; }

    public long MaxMessageSize { get; private init; }

    /// <summary>The limits with -1 resolved against the cluster; null and the service's reason when they are not acceptable.</summary>
    public static (TopicLimits? Limits, string? Problem) Read(JsonObject body, ClusterRecord cluster)
    {
        if (Whole(body, "partitions") is not long partitions)
        {
            return (null, "partitions is required and must be a whole number");
        }

        if (partitions < 1)
        {
            return (null, "partitions must be at least 1");
        }

        (long? time, string? timeProblem) = Limit(body, "retention_time", cluster.MaxRetentionTime);
        (long? size, string? sizeProblem) = Limit(body, "retention_size", cluster.MaxRetentionSize);
        (long? message, string? messageProblem) = Limit(body, "max_message_size", cluster.MaxMessageSize);
        string? problem = timeProblem ?? sizeProblem ?? messageProblem;
        if (problem != null)
        {
            return (null, problem);
        }

        return (new TopicLimits
        {
            Partitions = partitions > int.MaxValue ? int.MaxValue : (int)partitions,
            RetentionTime = time!.Value,
            RetentionSize = size!.Value,
            MaxMessageSize = message!.Value,
        }, null);
    }

    private static (long? Value, string? Problem) Limit(JsonObject body, string name, long max)
    {
        if (Whole(body, name) is not long value)
        {
            return (null, name + " is required and must be a whole number");
        }

        if (value == -1)
        {
            return (max, null);
        }

        if (value < 1)
        {
            return (null, $"{name} must be positive, or -1 for the highest the cluster allows");
        }

        return value > max ? (null, $"{name} {value} exceeds the cluster's limit of {max}") : (value, null);
    }

    private static long? Whole(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long whole) ? whole : null;
}
