using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>What the connector should be doing (Kafka Connect's target state); its status follows it.</summary>
public enum KafkaConnectTarget
{
    Started,
    Paused,
    Stopped,
}

/// <summary>
/// A connector on the emulated Kafka Connect cluster. The name is the only key: no id, no cluster, no timestamps.
/// </summary>
public sealed class KafkaConnectRecord
{
    public required string Name { get; init; }

    /// <summary>The flat string map as stored, in the order it was sent, "name" included.</summary>
    public JsonObject Config { get; set; } = new();

    public KafkaConnectTarget Target { get; set; } = KafkaConnectTarget.Started;

    public KafkaConnectInstance Connector { get; } = new();

    /// <summary>Empty while STOPPED (stop writes an empty set of task configs).</summary>
    public List<KafkaConnectTask> Tasks { get; } = new();

    /// <summary>Committed offsets, one per partition, in commit order.</summary>
    public List<KafkaConnectOffset> Offsets { get; } = new();

    /// <summary>Topics the connector has used since it first ran (topic tracking).</summary>
    public SortedSet<string> ActiveTopics { get; } = new(StringComparer.Ordinal);

    public string ConnectorClass => Text("connector.class") ?? string.Empty;

    public string? Text(string key) => Config[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}

/// <summary>The connector instance or one task: its state, the trace when FAILED, and when it moves on by itself.</summary>
public class KafkaConnectInstance
{
    /// <summary>UNASSIGNED, RUNNING, PAUSED, FAILED, RESTARTING, STOPPED (connector only).</summary>
    public string State { get; set; } = KafkaConnectStates.Unassigned;

    public string? Trace { get; set; }

    /// <summary>When an UNASSIGNED or RESTARTING instance settles into what the target state asks for; null when it stays.</summary>
    public DateTimeOffset? Due { get; set; }
}

public sealed class KafkaConnectTask : KafkaConnectInstance
{
    public required int Id { get; init; }
}

/// <summary>One committed offset: the partition and the offset, as the connector (or the sink framework) shapes them.</summary>
public sealed record KafkaConnectOffset(JsonObject Partition, JsonObject Offset)
{
    /// <summary>Two entries are for the same partition when their partition maps are equal.</summary>
    public string Key => Partition.ToJsonString();
}

/// <summary>The state names Kafka Connect reports.</summary>
public static class KafkaConnectStates
{
    public const string Unassigned = "UNASSIGNED";
    public const string Running = "RUNNING";
    public const string Paused = "PAUSED";
    public const string Failed = "FAILED";
    public const string Restarting = "RESTARTING";
    public const string Stopped = "STOPPED";

    public static readonly string[] All = { Unassigned, Running, Paused, Failed, Restarting, Stopped };
}
