namespace Upstash.Kafka.Emulator.State;

/// <summary>A Kafka cluster as the emulator stores it.</summary>
public sealed class ClusterRecord
{
    public required string ClusterId { get; init; }

    public required string Name { get; set; }

    public string Region { get; init; } = "eu-west-1";

    public string Type { get; init; } = "free";

    public bool Multizone { get; init; }

    public string State { get; set; } = "active";

    public long CreationTime { get; init; }

    public string Username { get; init; } = "ZGVtby1jbHVzdGVy";

    public string Password { get; set; } = "cluster-password-" + Guid.NewGuid().ToString("N")[..12];
}
