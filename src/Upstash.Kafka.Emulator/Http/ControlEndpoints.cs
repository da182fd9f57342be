using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>
/// The emulator's own control plane under /_emulator/ (no auth, never journaled): what tests and offline runbook
/// authors use to reset, seed, read the journal and move time on. The same operations exist on
/// <see cref="EmulatorServer"/> for code.
/// </summary>
public static class ControlEndpoints
{
    public static void Map(WebApplication app, EmulatorServer server)
    {
        app.MapPost("/_emulator/reset", () =>
        {
            server.Reset();
            return ApiReplies.Ok();
        });

        app.MapGet("/_emulator/journal", () => ApiReplies.Json(new JsonArray(server.Journal.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["method"] = e.Method,
            ["path"] = e.Path,
            ["status"] = e.Status,
            ["body"] = e.Body,
            ["headers"] = new JsonObject(e.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
        }).ToArray())));

        app.MapPost("/_emulator/clusters", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            string name = body?["name"]?.ToString() ?? "cluster-" + Guid.NewGuid().ToString("N")[..6];
            string id = body?["cluster_id"]?.ToString() ?? Guid.NewGuid().ToString();
            return ApiReplies.Json(ApiJson.Cluster(server.Store.AddCluster(id, name)));
        });

        app.MapPost("/_emulator/settle", () =>
        {
            server.Store.SettleAll();
            return ApiReplies.Ok();
        });

        app.MapPost("/_emulator/error-shape/{shape}", (string shape) =>
        {
            if (!Enum.TryParse(shape, ignoreCase: true, out ErrorBodyShape parsed))
            {
                return Results.BadRequest("shape must be one of: " + string.Join(", ", Enum.GetNames<ErrorBodyShape>()));
            }

            server.Options.ErrorShape = parsed;
            return ApiReplies.Ok();
        });
    }
}
