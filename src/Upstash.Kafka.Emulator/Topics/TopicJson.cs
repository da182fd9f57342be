using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The documented topic shape, field for field; the credential and endpoints are the cluster's.</summary>
public static class TopicJson
{
    public static JsonObject Of(TopicRecord t, ClusterRecord cluster) => new()
    {
        ["topic_id"] = t.TopicId,
        ["topic_name"] = t.Name,
        ["cluster_id"] = t.ClusterId,
        ["region"] = cluster.Region,
        ["creation_time"] = t.CreationTime,
        ["state"] = t.State,
        ["partitions"] = t.Partitions,
        ["multizone"] = cluster.Multizone,
        ["tcp_endpoint"] = cluster.Name + "-kafka.upstash.io",
        ["rest_endpoint"] = cluster.Name + "-rest-kafka.upstash.io",
        ["username"] = cluster.Username,
        ["password"] = cluster.Password,
        ["cleanup_policy"] = t.CleanupPolicy,
        ["retention_size"] = t.RetentionSize,
        ["retention_time"] = t.RetentionTime,
        ["max_message_size"] = t.MaxMessageSize,
    };
}
