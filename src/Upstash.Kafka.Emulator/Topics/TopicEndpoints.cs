using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>
/// The topic endpoints of the contract, answering the way the service would. *(decision)* The contract does not
/// say whether max_partitions is per topic or per cluster; Upstash plans counted partitions per cluster, so the sum
/// over the cluster's topics is checked. The answers: 400 with a reason for a bad body, an
/// unknown cluster, a name the cluster already has, or partitions beyond the cluster's limit (counted over all its
/// topics) or below the topic's current count; 404 for an unknown topic.
/// </summary>
public static class TopicEndpoints
{
    private static readonly string[] CleanupPolicies = { "delete", "compact" };

    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapPost("/v2/kafka/topic", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object");
            }

            string? name = Text(body, "name");
            string? clusterId = Text(body, "cluster_id");
            string? policy = Text(body, "cleanup_policy");
            if (string.IsNullOrWhiteSpace(name))
            {
                return ApiReplies.Error(options, 400, "name is required");
            }

            if (string.IsNullOrWhiteSpace(clusterId))
            {
                return ApiReplies.Error(options, 400, "cluster_id is required");
            }

            if (policy == null || !CleanupPolicies.Contains(policy, StringComparer.Ordinal))
            {
                return ApiReplies.Error(options, 400, "cleanup_policy must be delete or compact");
            }

            IResult? reply = store.WithTopicsOf(clusterId, (cluster, existing) =>
            {
                (TopicLimits? limits, string? problem) = TopicLimits.Read(body, cluster);
                if (limits == null)
                {
                    return ApiReplies.Error(options, 400, problem!);
                }

                if (existing.Any(t => string.Equals(t.Name, name, StringComparison.Ordinal)))
                {
                    return ApiReplies.Error(options, 400, $"topic {name} already exists");
                }

                int used = existing.Sum(t => t.Partitions);
                if (used + limits.Partitions > cluster.MaxPartitions)
                {
                    return ApiReplies.Error(options, 400, PartitionLimit(cluster, used));
                }

                TopicRecord topic = store.AddTopic(name, clusterId, limits.Partitions, limits.RetentionTime, limits.RetentionSize, limits.MaxMessageSize, policy);
                return ApiReplies.Json(TopicJson.Of(topic, cluster));
            });

            // The service answers 400, not 404, for an unknown cluster (as for connectors).
            return reply ?? ApiReplies.Error(options, 400, "cluster not found");
        });

        app.MapGet("/v2/kafka/topics/{clusterId}", (string clusterId) =>
            store.WithTopicsOf(clusterId, (cluster, list) => ApiReplies.Json(new JsonArray(list.Select(t => (JsonNode)TopicJson.Of(t, cluster)).ToArray())))
            ?? ApiReplies.Error(options, 400, "cluster not found"));

        app.MapGet("/v2/kafka/topic/{topicId}", (string topicId) =>
            store.WithTopic(topicId, (topic, cluster, _) => ApiReplies.Json(TopicJson.Of(topic, cluster)))
            ?? ApiReplies.Error(options, 404, "topic not found"));

        app.MapPost("/v2/kafka/update-topic/{topicId}", async (string topicId, HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object");
            }

            return store.WithTopic(topicId, (topic, cluster, others) =>
            {
                (TopicLimits? limits, string? problem) = TopicLimits.Read(body, cluster);
                if (limits == null)
                {
                    return ApiReplies.Error(options, 400, problem!);
                }

                if (limits.Partitions < topic.Partitions)
                {
                    return ApiReplies.Error(options, 400, $"partitions can not be decreased: topic {topic.Name} has {topic.Partitions}");
                }

                int used = others.Sum(t => t.Partitions);
                if (used + limits.Partitions > cluster.MaxPartitions)
                {
                    return ApiReplies.Error(options, 400, PartitionLimit(cluster, used));
                }

                topic.Partitions = limits.Partitions;
                topic.RetentionTime = limits.RetentionTime;
                topic.RetentionSize = limits.RetentionSize;
                topic.MaxMessageSize = limits.MaxMessageSize;
                return ApiReplies.Json(TopicJson.Of(topic, cluster));
            }) ?? ApiReplies.Error(options, 404, "topic not found");
        });

        app.MapDelete("/v2/kafka/topic/{topicId}", (string topicId) =>
            store.RemoveTopic(topicId) ? ApiReplies.Ok() : ApiReplies.Error(options, 404, "topic not found"));
    }

    private static string PartitionLimit(ClusterRecord cluster, int used) =>
        $"partition limit exceeded: the cluster allows {cluster.MaxPartitions} partitions in all and its other topics have {used}";

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
