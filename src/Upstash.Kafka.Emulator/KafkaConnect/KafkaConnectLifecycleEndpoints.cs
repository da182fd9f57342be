using static Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectReplies;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// Restart, pause, resume, stop and delete, and the task restart. The 404 texts differ by endpoint as upstream's
/// do: pause, resume and stop say "Unknown connector x", restarts "Unknown connector: x", delete "Connector x not found".
/// </summary>
public static class KafkaConnectLifecycleEndpoints
{
    public static void Map(WebApplication app, KafkaConnectStore store, EmulatorOptions options)
    {
        app.MapPost("/connectors/{name}/restart", (string name, HttpRequest request) =>
        {
            bool includeTasks = Flag(request, "includeTasks");
            bool onlyFailed = Flag(request, "onlyFailed");

            // Both false, or a worker before 3.0 (which ignores the query): the connector instance only, 204.
            if (!KafkaConnectVersion.HasRestartOptions(options) || (!includeTasks && !onlyFailed))
            {
                return store.RestartConnector(name) ? NoContent() : NotFound($"Unknown connector: {name}");
            }

            return store.Restart(name, includeTasks, onlyFailed) is { } status
                ? Json(status, 202)
                : NotFound($"Unknown connector: {name}");
        });

        // Pause and resume answer 202 and write the target state directly: idempotent, never a 409.
        app.MapPut("/connectors/{name}/pause", (string name) =>
            store.Pause(name) ? Accepted() : NotFound($"Unknown connector {name}"));

        app.MapPut("/connectors/{name}/resume", (string name) =>
            store.Resume(name) ? Accepted() : NotFound($"Unknown connector {name}"));

        app.MapPut("/connectors/{name}/stop", (string name) =>
            !KafkaConnectVersion.HasStop(options) ? JerseyNotFoundReply()
            : store.Stop(name) ? NoContent()
            : NotFound($"Unknown connector {name}"));

        app.MapDelete("/connectors/{name}", (string name) =>
            store.Remove(name) ? NoContent() : NotFound($"Connector {name} not found"));

        app.MapPost("/connectors/{name}/tasks/{task:int}/restart", (string name, int task) => store.RestartTask(name, task) switch
        {
            TaskRestart.Restarted => NoContent(),
            TaskRestart.UnknownTask => NotFound($"Unknown task: {name}-{task}"),
            _ => NotFound($"Unknown connector: {name}"),
        });
    }

    /// <summary>A Boolean query parameter as Jersey converts one (Boolean.valueOf): "true" in any case, else false.</summary>
    private static bool Flag(HttpRequest request, string name) =>
        string.Equals(request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);
}
