using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The cluster endpoints of the contract (statistics live with the topics' and clusters' stats routes).</summary>
public static class ClusterEndpoints
{
    /// <summary>The regions the contract names; the service refuses others.</summary>
    public static readonly string[] Regions = { "eu-west-1", "us-east-1" };

    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapGet("/v2/kafka/clusters", () =>
            ApiReplies.Json(new JsonArray(store.Clusters().Select(c => (JsonNode)ClusterJson.Of(c)).ToArray())));

        app.MapGet("/v2/kafka/cluster/{clusterId}", (string clusterId) =>
            store.FindCluster(clusterId) is ClusterRecord cluster
                ? ApiReplies.Json(ClusterJson.Of(cluster))
                : ApiReplies.Error(options, 404, "cluster not found"));

        app.MapPost("/v2/kafka/cluster", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object");
            }

            string? name = RequestFields.Text(body, "name");
            string? region = RequestFields.Text(body, "region");
            if (string.IsNullOrWhiteSpace(name))
            {
                return ApiReplies.Error(options, 400, "name is required");
            }

            if (string.IsNullOrWhiteSpace(region) || !Regions.Contains(region, StringComparer.Ordinal))
            {
                return ApiReplies.Error(options, 400, $"invalid region '{region}': expected one of {string.Join(", ", Regions)}");
            }

            if (body["multizone"] is JsonNode multizone && !(multizone is JsonValue value && value.TryGetValue(out bool _)))
            {
                return ApiReplies.Error(options, 400, "multizone must be true or false");
            }

            if (store.ClusterNameTaken(name))
            {
                return ApiReplies.Error(options, 400, $"cluster {name} already exists");
            }

            bool isMultizone = body["multizone"]?.GetValue<bool>() ?? false;
            return ApiReplies.Json(ClusterJson.Of(store.AddCluster(Guid.NewGuid().ToString(), name, region, isMultizone)));
        });

        app.MapPost("/v2/kafka/rename-cluster/{clusterId}", async (string clusterId, HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            string? name = body == null ? null : RequestFields.Text(body, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                return ApiReplies.Error(options, 400, "name is required");
            }

            if (store.FindCluster(clusterId) == null)
            {
                return ApiReplies.Error(options, 404, "cluster not found");
            }

            if (store.ClusterNameTaken(name, exceptClusterId: clusterId))
            {
                return ApiReplies.Error(options, 400, $"cluster {name} already exists");
            }

            return store.WithCluster(clusterId, c =>
            {
                c.Name = name;
                return ApiReplies.Json(ClusterJson.Of(c));
            }) ?? ApiReplies.Error(options, 404, "cluster not found");
        });

        app.MapPost("/v2/kafka/reset-password/{clusterId}", (string clusterId) =>
            store.WithCluster(clusterId, c =>
            {
                c.Password = ClusterRecord.NewPassword();
                return ApiReplies.Json(ClusterJson.Of(c));
            }) ?? ApiReplies.Error(options, 404, "cluster not found"));

        app.MapDelete("/v2/kafka/cluster/{clusterId}", (string clusterId) =>
            store.RemoveCluster(clusterId) ? ApiReplies.Ok() : ApiReplies.Error(options, 404, "cluster not found"));
    }
}
