namespace Upstash.Kafka.Emulator.State;

/// <summary>A Kafka credential (an ACL user) as the emulator stores it. Nothing about it can change.</summary>
public sealed class CredentialRecord
{
    public required string CredentialId { get; init; }

    public required string Name { get; init; }

    public required string ClusterId { get; init; }

    public required string ClusterSlug { get; init; }

    public required string Topic { get; init; }

    /// <summary>ALL, PRODUCE or CONSUME.</summary>
    public required string Permissions { get; init; }

    public required string Username { get; init; }

    public string Password { get; init; } = "credential-password-" + Guid.NewGuid().ToString("N")[..12];

    public long CreationTime { get; init; }

    public string State { get; init; } = "active";
}
