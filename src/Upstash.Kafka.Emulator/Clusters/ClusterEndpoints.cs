using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The cluster endpoints the connector cmdlets need (list and get).</summary>
public static class ClusterEndpoints
{
    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapGet("/v2/kafka/clusters", () =>
            ApiReplies.Json(new JsonArray(store.Clusters().Select(c => (JsonNode)ClusterJson.Of(c)).ToArray())));

        app.MapGet("/v2/kafka/cluster/{clusterId}", (string clusterId) =>
            store.FindCluster(clusterId) is ClusterRecord cluster
                ? ApiReplies.Json(ClusterJson.Of(cluster))
                : ApiReplies.Error(options, 404, "cluster not found"));
    }
}
