using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The connector endpoints of the contract.</summary>
public static class ConnectorEndpoints
{
    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapPost("/v2/kafka/connector", async (HttpRequest request) =>
        {
            JsonObject? body = await ReadObjectAsync(request);
            if (body == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object");
            }

            string? name = StringField(body, "name");
            string? clusterId = StringField(body, "cluster_id");
            if (string.IsNullOrWhiteSpace(name))
            {
                return ApiReplies.Error(options, 400, "name is required");
            }

            if (string.IsNullOrWhiteSpace(clusterId))
            {
                return ApiReplies.Error(options, 400, "cluster_id is required");
            }

            if (body["properties"] is not JsonObject properties)
            {
                return ApiReplies.Error(options, 400, "properties is required");
            }

            if (properties.Any(p => p.Value is not JsonValue))
            {
                return ApiReplies.Error(options, 400, "properties must be a flat map of strings");
            }

            if (string.IsNullOrWhiteSpace(properties["connector.class"]?.ToString()))
            {
                return ApiReplies.Error(options, 400, "connector.class is required in properties");
            }

            if (store.FindCluster(clusterId) == null)
            {
                // The service answers 400, not 404, for an unknown cluster; the module reads "not found" as a not-found.
                return ApiReplies.Error(options, 400, "cluster not found");
            }

            if (store.NameTaken(clusterId, name))
            {
                return ApiReplies.Error(options, 400, $"connector {name} already exists");
            }

            ConnectorRecord created = store.AddConnector(name, clusterId, (JsonObject)properties.DeepClone());
            return ApiReplies.Json(ConnectorJson.Of(created, withProperties: false));
        });

        app.MapGet("/v2/kafka/connector/{connectorId}", (string connectorId) =>
            store.WithConnector(connectorId, c => ApiReplies.Json(ConnectorJson.Of(c, withProperties: true)))
            ?? ApiReplies.Error(options, 404, "connector not found"));

        app.MapGet("/v2/kafka/connectors/{clusterId}", (string clusterId) =>
        {
            IReadOnlyList<JsonNode>? list = store.ListConnectors<JsonNode>(clusterId, c => ConnectorJson.Of(c, withProperties: true));
            return list == null
                ? ApiReplies.Error(options, 400, "cluster not found")
                : ApiReplies.Json(new JsonArray(list.ToArray()));
        });

        ConnectorLifecycleEndpoints.Map(app, store, options);
    }

    internal static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringField(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
