using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The documented credential shape, field for field.</summary>
public static class CredentialJson
{
    public static JsonObject Of(CredentialRecord c) => new()
    {
        ["credential_id"] = c.CredentialId,
        ["credential_name"] = c.Name,
        ["topic"] = c.Topic,
        ["permissions"] = c.Permissions,
        ["cluster_id"] = c.ClusterId,
        ["cluster_slug"] = c.ClusterSlug,
        ["username"] = c.Username,
        ["password"] = c.Password,
        ["creation_time"] = c.CreationTime,
        ["state"] = c.State,
    };
}
