using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>What happens to a connector after create: reconfigure, delete, pause, start, restart.</summary>
public static class ConnectorLifecycleEndpoints
{
    private const string NotFound = "connector not found";

    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        // The body is the FLAT properties map, not wrapped in {"properties": ...}: a wrapped map arrives here as one
        // key whose value is an object and is refused, as a server expecting flat string values would.
        app.MapPost("/v2/kafka/update-connector/{connectorId}", async (string connectorId, HttpRequest request) =>
        {
            JsonObject? properties = await ConnectorEndpoints.ReadObjectAsync(request);
            if (properties == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object of connector properties");
            }

            if (properties.Any(p => p.Value is not JsonValue))
            {
                return ApiReplies.Error(options, 400, "properties must be a flat map of strings");
            }

            if (string.IsNullOrWhiteSpace(properties["connector.class"]?.ToString()))
            {
                return ApiReplies.Error(options, 400, "connector.class is required in properties");
            }

            if (!store.Reconfigure(connectorId, properties))
            {
                return ApiReplies.Error(options, 404, NotFound);
            }

            // Like create, reconfigure answers the connector without its properties.
            return store.WithConnector(connectorId, c => ApiReplies.Json(ConnectorJson.Of(c, withProperties: false)))
                ?? ApiReplies.Error(options, 404, NotFound);
        });

        app.MapDelete("/v2/kafka/connector/{connectorId}", (string connectorId) =>
            store.RemoveConnector(connectorId) ? ApiReplies.Ok() : ApiReplies.Error(options, 404, NotFound));

        app.MapPost("/v2/kafka/connector/{connectorId}/pause", (string connectorId) => OkOrNotFound(store.Pause(connectorId), options));

        app.MapPost("/v2/kafka/connector/{connectorId}/start", (string connectorId) => OkOrNotFound(store.Start(connectorId), options));

        app.MapPost("/v2/kafka/connector/{connectorId}/restart", (string connectorId) => OkOrNotFound(store.Restart(connectorId), options));
    }

    private static IResult OkOrNotFound(bool found, EmulatorOptions options) =>
        found ? ApiReplies.Ok() : ApiReplies.Error(options, 404, NotFound);
}
