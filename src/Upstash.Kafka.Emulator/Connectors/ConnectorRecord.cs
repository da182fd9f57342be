using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.State;

/// <summary>A connector as the emulator stores it, with the state it moves through.</summary>
public sealed class ConnectorRecord
{
    public required string ConnectorId { get; init; }

    public required string Name { get; init; }

    public required string ClusterId { get; init; }

    public required string CustomerId { get; init; }

    public long CreationTime { get; init; }

    /// <summary>The properties as the client sent them (JSON scalars), in order.</summary>
    public JsonObject Properties { get; set; } = new();

    /// <summary>pending, running, failed, paused, restarting.</summary>
    public string State { get; set; } = "pending";

    public string StateErrorMessage { get; set; } = string.Empty;

    /// <summary>Kafka Connect's own status: empty until deployed, then RUNNING, PAUSED, FAILED, RESTARTING.</summary>
    public string ConnectorState { get; set; } = string.Empty;

    public List<TaskRecord> Tasks { get; } = new();

    /// <summary>When the next automatic transition is due (pending to running or failed, restarting to running).</summary>
    public DateTimeOffset? TransitionDue { get; set; }

    public string ConnectorClass => Properties["connector.class"]?.ToString() ?? string.Empty;
}

public sealed class TaskRecord
{
    public int Id { get; init; }

    public string State { get; set; } = "RUNNING";

    public string Trace { get; set; } = string.Empty;
}
