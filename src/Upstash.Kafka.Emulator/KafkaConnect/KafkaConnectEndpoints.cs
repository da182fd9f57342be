using System.Text.Json.Nodes;
using static Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectReplies;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// Kafka Connect's REST API at the emulator's root, beside the Upstash API under /v2/kafka: the server info and the
/// read endpoints here; writes, lifecycle, offsets and plugins in their own files. Texts follow upstream's
/// (ConnectorsResource, AbstractHerder, DistributedHerder), which are not the same for every endpoint.
/// </summary>
public static class KafkaConnectEndpoints
{
    public static void Map(WebApplication app, KafkaConnectStore store, EmulatorOptions options)
    {
        app.MapGet("/", () => Json(new JsonObject
        {
            ["version"] = options.KafkaConnectVersion,
            ["commit"] = KafkaConnectVersion.Commit,
            ["kafka_cluster_id"] = KafkaConnectVersion.KafkaClusterId,
        }));

        app.MapGet("/health", () => KafkaConnectVersion.HasHealth(options)
            ? Json(new JsonObject { ["status"] = "healthy", ["message"] = "Worker has completed startup and is ready to handle requests." })
            : JerseyNotFoundReply());

        app.MapGet("/connectors", (HttpRequest request) =>
        {
            // Any "expand" turns the list into a map; unknown expansions are ignored. Workers before 2.3 ignore it all.
            if (!request.Query.TryGetValue("expand", out var expansions) || !KafkaConnectVersion.HasExpand(options))
            {
                return Json(new JsonArray(store.Names().Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()));
            }

            var map = new JsonObject();
            foreach ((string name, JsonObject expanded) in store.All(c => Expand(c, expansions.ToArray(), store, options)))
            {
                map[name] = expanded;
            }

            return Json(map);
        });

        app.MapGet("/connectors/{name}", (string name) =>
            store.With(name, c => Json(KafkaConnectJson.Info(c, options))) ?? NotFound($"Connector {name} not found"));

        app.MapGet("/connectors/{name}/status", (string name) =>
            store.With(name, c => Json(KafkaConnectJson.Status(c, options, store.WorkerId))) ?? NotFound($"No status found for connector {name}"));

        app.MapGet("/connectors/{name}/tasks", (string name) =>
            store.With(name, c => Json(KafkaConnectJson.TaskConfigs(c))) ?? NotFound($"Connector {name} not found"));

        app.MapGet("/connectors/{name}/tasks/{task:int}/status", (string name, int task) =>
        {
            string missing = $"No status found for task {name}-{task}";
            return store.With(name, c => c.Tasks.FirstOrDefault(t => t.Id == task) is KafkaConnectTask found
                    ? Json(KafkaConnectJson.Task(found, c, options, store.WorkerId))
                    : NotFound(missing))
                ?? NotFound(missing);
        });

        app.MapGet("/connectors/{name}/topics", (string name) =>
        {
            if (TopicsRefusal(options) is IResult refused)
            {
                return refused;
            }

            // Upstream reads the status topic and does not check the connector exists: an unknown one has no topics.
            string[] topics = store.With(name, c => c.ActiveTopics.ToArray()) ?? Array.Empty<string>();
            return Json(new JsonObject
            {
                [name] = new JsonObject { ["topics"] = new JsonArray(topics.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()) },
            });
        });

        app.MapPut("/connectors/{name}/topics/reset", (string name) =>
        {
            if (TopicsRefusal(options) is IResult refused)
            {
                return refused;
            }

            store.ResetTopics(name);
            return Accepted();
        });

        KafkaConnectConfigEndpoints.Map(app, store, options);
        KafkaConnectLifecycleEndpoints.Map(app, store, options);
        KafkaConnectOffsetEndpoints.Map(app, store, options);
        KafkaConnectPluginEndpoints.Map(app, options);
    }

    private static JsonObject Expand(KafkaConnectRecord c, string?[] expansions, KafkaConnectStore store, EmulatorOptions options)
    {
        var expanded = new JsonObject();
        foreach (string? expansion in expansions)
        {
            if (expansion == "status")
            {
                expanded["status"] = KafkaConnectJson.Status(c, options, store.WorkerId);
            }
            else if (expansion == "info")
            {
                expanded["info"] = KafkaConnectJson.Info(c, options);
            }
        }

        return expanded;
    }

    /// <summary>Before 2.5 there is no such path; with topic.tracking.enable=false it is a 403 (not a permission problem).</summary>
    private static IResult? TopicsRefusal(EmulatorOptions options) =>
        !KafkaConnectVersion.HasTopics(options) ? JerseyNotFoundReply()
        : !options.KafkaConnectTopicTracking ? Error(403, "Topic tracking is disabled.")
        : null;
}
