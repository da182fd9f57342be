using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The documented cluster shape, field for field.</summary>
public static class ClusterJson
{
    public static JsonObject Of(ClusterRecord c) => new()
    {
        ["cluster_id"] = c.ClusterId,
        ["name"] = c.Name,
        ["region"] = c.Region,
        ["type"] = c.Type,
        ["multizone"] = c.Multizone,
        ["tcp_endpoint"] = c.Slug + "-kafka.upstash.io:9092",
        ["rest_endpoint"] = "https://" + c.Slug + "-rest-kafka.upstash.io",
        ["state"] = c.State,
        ["username"] = c.Username,
        ["password"] = c.Password,
        ["max_retention_size"] = c.MaxRetentionSize,
        ["max_retention_time"] = c.MaxRetentionTime,
        ["max_messages_per_second"] = c.Type == "free" ? 1000 : 10000,
        ["creation_time"] = c.CreationTime,
        ["max_message_size"] = c.MaxMessageSize,
        ["max_partitions"] = c.MaxPartitions,
    };
}
