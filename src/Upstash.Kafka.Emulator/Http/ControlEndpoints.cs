using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.Json.Serialization;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Emulator.KafkaConnect;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>
/// The emulator's own control plane under /_emulator/ (no auth, never journaled): what tests and offline runbook
/// authors use to reset, seed, read the journal and move time on. The same operations exist on
/// <see cref="EmulatorServer"/> for code.
/// </summary>
public static class ControlEndpoints
{
    private static readonly JsonSerializerOptions FaultJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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
            ["query"] = e.Query,
            ["status"] = e.Status,
            ["body"] = e.Body,
            ["fault"] = e.Fault,
            ["headers"] = new JsonObject(e.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
        }).ToArray())));

        app.MapPost("/_emulator/clusters", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            string name = body?["name"]?.ToString() ?? "cluster-" + Guid.NewGuid().ToString("N")[..6];
            string id = body?["cluster_id"]?.ToString() ?? Guid.NewGuid().ToString();
            return ApiReplies.Json(ClusterJson.Of(server.Store.AddCluster(id, name)));
        });

        app.MapPost("/_emulator/faults", async (HttpRequest request) =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(request.Body, FaultJson);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest("not a fault rule: " + ex.Message);
            }

            if (rule == null)
            {
                return Results.BadRequest("not a fault rule");
            }

            server.Faults.Add(rule);
            return ApiReplies.Ok();
        });

        app.MapDelete("/_emulator/faults", () =>
        {
            server.Faults.Clear();
            return ApiReplies.Ok();
        });

        app.MapGet("/_emulator/faults", () => ApiReplies.Json(new JsonObject
        {
            ["total"] = server.Faults.TotalInjected,
            ["by_kind"] = new JsonObject(server.Faults.Injected.Select(k => KeyValuePair.Create(k.Key.ToString(), (JsonNode?)JsonValue.Create(k.Value)))),
        }));

        app.MapPost("/_emulator/faults/seed/{seed:int}", (int seed) =>
        {
            server.Faults.Seed(seed);
            return ApiReplies.Ok();
        });

        app.MapPost("/_emulator/connectors", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            string? clusterId = body?["cluster_id"]?.ToString();
            string? name = body?["name"]?.ToString();
            if (body == null || clusterId == null || name == null || server.Store.FindCluster(clusterId) == null)
            {
                return Results.BadRequest("seed a connector with {\"name\", \"cluster_id\" of an existing cluster, \"properties\", optional \"state\"}");
            }

            JsonObject properties = body["properties"] as JsonObject ?? new JsonObject();
            ConnectorRecord seeded = server.Store.AddConnector(name, clusterId, (JsonObject)properties.DeepClone());
            if (body["state"]?.ToString() is string state)
            {
                server.Store.ForceState(seeded.ConnectorId, state, body["state_error_message"]?.ToString());
            }

            return ApiReplies.Json(ConnectorJson.Of(seeded, withProperties: true));
        });

        app.MapPost("/_emulator/settle", () =>
        {
            server.Store.SettleAll();
            server.KafkaConnect.SettleAll();
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

        KafkaConnectControlEndpoints.Map(app, server);
    }
}
