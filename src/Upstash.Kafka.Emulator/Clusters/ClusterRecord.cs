namespace Upstash.Kafka.Emulator.State;

/// <summary>A Kafka cluster as the emulator stores it.</summary>
public sealed class ClusterRecord
{
    public required string ClusterId { get; init; }

    public required string Name { get; set; }

    /// <summary>Fixed at creation, as the service's endpoints are: a rename does not move the cluster.</summary>
    public string Slug { get; init; } = "demo-cluster";

    public string Region { get; init; } = "eu-west-1";

    public string Type { get; init; } = "free";

    public bool Multizone { get; init; }

    public string State { get; set; } = "active";

    public long CreationTime { get; init; }

    public string Username { get; init; } = "ZGVtby1jbHVzdGVy";

    public string Password { get; set; } = NewPassword();

    /// <summary>The plan's limits, which topic creates and reconfigures are checked against.</summary>
    public long MaxRetentionSize { get; init; } = 1073741824L;

    public long MaxRetentionTime { get; init; } = 604800000L;

    public long MaxMessageSize { get; init; } = 1048576L;

    /// <summary>Partitions the cluster may hold in all, over every topic.</summary>
    public int MaxPartitions { get; init; } = 100;

    public static string NewPassword() => "cluster-password-" + Guid.NewGuid().ToString("N")[..12];
}
