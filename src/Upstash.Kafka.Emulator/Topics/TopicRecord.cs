namespace Upstash.Kafka.Emulator.State;

/// <summary>A topic as the emulator stores it; region, endpoints and credential come from its cluster.</summary>
public sealed class TopicRecord
{
    public required string TopicId { get; init; }

    public required string Name { get; init; }

    public required string ClusterId { get; init; }

    public long CreationTime { get; init; }

    public string State { get; set; } = "active";

    public int Partitions { get; set; } = 1;

    /// <summary>Milliseconds, as the API has it.</summary>
    public long RetentionTime { get; set; }

    public long RetentionSize { get; set; }

    public long MaxMessageSize { get; set; }

    /// <summary>delete or compact; cannot change after create.</summary>
    public string CleanupPolicy { get; init; } = "delete";
}
