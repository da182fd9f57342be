using System.Text.Json.Nodes;
using static Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectReplies;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>Configuration writes and reads: POST /connectors, GET/PUT/PATCH /connectors/{name}/config.</summary>
public static class KafkaConnectConfigEndpoints
{
    private const string FlatMapChain = "java.util.LinkedHashMap";

    public static void Map(WebApplication app, KafkaConnectStore store, EmulatorOptions options)
    {
        app.MapPost("/connectors", async (HttpRequest request) =>
        {
            (JsonNode? node, IResult? unreadable) = await KafkaConnectBody.ReadAsync(request);
            if (unreadable != null)
            {
                return unreadable;
            }

            if (KafkaConnectBody.Create(node, options, out IResult? error) is not { } parsed)
            {
                return error!;
            }

            (string name, JsonObject config, KafkaConnectTarget target) = parsed;

            IResult? refused = KafkaConnectWrites.PutName(name, config) ?? KafkaConnectWrites.Check(config, options);
            if (refused != null)
            {
                return refused;
            }

            // The 201 reply has "tasks":[]: no task configs are written yet.
            JsonObject? info = store.Create(name, config, target, c => KafkaConnectJson.Info(c, options, withTasks: false));
            return info == null ? Error(409, $"Connector {name} already exists") : Created(request, name, info);
        });

        app.MapGet("/connectors/{name}/config", (string name) =>
            store.With(name, c => Json(c.Config.DeepClone())) ?? NotFound($"Connector {name} not found"));

        // The FLAT map, never {"config": {...}}: a wrapped map is one key whose value is an object, Jackson's 500.
        app.MapPut("/connectors/{name}/config", async (string name, HttpRequest request) =>
        {
            (JsonNode? node, IResult? unreadable) = await KafkaConnectBody.ReadAsync(request);
            if (unreadable != null)
            {
                return unreadable;
            }

            JsonObject? config = KafkaConnectBody.FlatMap(node, FlatMapChain, out IResult? error);
            if (config == null)
            {
                return error!;
            }

            IResult? refused = KafkaConnectWrites.PutName(name, config) ?? KafkaConnectWrites.Check(config, options);
            if (refused != null)
            {
                return refused;
            }

            (bool created, JsonObject info) = store.Put(name, config, (c, isNew) => KafkaConnectJson.Info(c, options, withTasks: !isNew));
            return created ? Created(request, name, info) : Json(info);
        });

        // 3.8 (KIP-477): merges, a null deletes a key, never creates. Older workers have no such method: 405.
        app.MapPatch("/connectors/{name}/config", async (string name, HttpRequest request) =>
        {
            if (!KafkaConnectVersion.HasPatchConfig(options))
            {
                return JerseyMethodNotAllowedReply();
            }

            (JsonNode? node, IResult? unreadable) = await KafkaConnectBody.ReadAsync(request);
            if (unreadable != null)
            {
                return unreadable;
            }

            JsonObject? patch = KafkaConnectBody.FlatMap(node, FlatMapChain, out IResult? error);
            if (patch == null)
            {
                return error!;
            }

            return store.With(name, c =>
            {
                JsonObject merged = KafkaConnectWrites.Patch(c.Config, patch);
                if (KafkaConnectWrites.Check(merged, options) is IResult refused)
                {
                    return refused;
                }

                store.Redeploy(c, merged);
                return Json(KafkaConnectJson.Info(c, options));
            }) ?? NotFound($"Connector {name} not found");
        });
    }
}
