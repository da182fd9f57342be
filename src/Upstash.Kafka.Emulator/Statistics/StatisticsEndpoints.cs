using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>GET /v2/kafka/stats/cluster/{id} and /v2/kafka/stats/topic/{id}; an unknown id is a 404 like a get.</summary>
public static class StatisticsEndpoints
{
    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapGet("/v2/kafka/stats/cluster/{clusterId}", (string clusterId) =>
            store.WithTopicsOf(clusterId, (_, topics) => ApiReplies.Json(StatisticsJson.OfCluster(topics, store.Clock.Now)))
            ?? ApiReplies.Error(options, 404, "cluster not found"));

        app.MapGet("/v2/kafka/stats/topic/{topicId}", (string topicId) =>
            store.WithTopic(topicId, (topic, _, _) => ApiReplies.Json(StatisticsJson.OfTopic(topic, store.Clock.Now)))
            ?? ApiReplies.Error(options, 404, "topic not found"));
    }
}
