using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Http;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// The Kafka Connect part of the control plane, under /_emulator/kafka-connect/ (no auth, never journaled): the
/// version the worker reports, its auth, topic tracking, and forced connector states. The reset restores them all.
/// </summary>
public static class KafkaConnectControlEndpoints
{
    public static void Map(WebApplication app, EmulatorServer server)
    {
        // {"version": "3.4.0"}: what GET / reports and what the emulator gates features by.
        app.MapPut("/_emulator/kafka-connect/version", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body?["version"] is not JsonValue version || !version.TryGetValue(out string? text) || string.IsNullOrWhiteSpace(text))
            {
                return Results.BadRequest("set the version with {\"version\": \"3.4.0\"}");
            }

            server.Options.KafkaConnectVersion = text;
            return ApiReplies.Ok();
        });

        // {"user": "u", "password": "p", "bearer_token": "t"}: a missing or null field turns that kind of auth off,
        // so {} is no auth at all.
        app.MapPut("/_emulator/kafka-connect/auth", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body == null)
            {
                return Results.BadRequest("set auth with {\"user\", \"password\", \"bearer_token\"}, each optional");
            }

            server.Options.KafkaConnectUser = RequestFields.Text(body, "user");
            server.Options.KafkaConnectPassword = RequestFields.Text(body, "password");
            server.Options.KafkaConnectBearerToken = RequestFields.Text(body, "bearer_token");
            return ApiReplies.Ok();
        });

        // {"enabled": false}: GET .../topics answers 403 "Topic tracking is disabled."
        app.MapPut("/_emulator/kafka-connect/topic-tracking", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body?["enabled"] is not JsonValue enabled || !enabled.TryGetValue(out bool on))
            {
                return Results.BadRequest("set topic tracking with {\"enabled\": true|false}");
            }

            server.Options.KafkaConnectTopicTracking = on;
            return ApiReplies.Ok();
        });

        // {"connector": "RUNNING", "tasks": ["RUNNING", "FAILED"], "trace": "..."}: each field optional; "tasks"
        // replaces the tasks (ids 0..n-1); FAILED instances get the trace (or a Java-looking default).
        app.MapPut("/_emulator/kafka-connect/connectors/{name}/status", async (string name, HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            string? connector = body == null ? null : RequestFields.Text(body, "connector")?.ToUpperInvariant();
            string[]? tasks = (body?["tasks"] as JsonArray)?.Select(t => (t is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty).ToUpperInvariant()).ToArray();
            if (body == null || (connector != null && !KafkaConnectStates.All.Contains(connector)) || (tasks != null && tasks.Any(t => !KafkaConnectStates.All.Contains(t))))
            {
                return Results.BadRequest("force a status with {\"connector\", \"tasks\": [...], \"trace\"}; states: " + string.Join(", ", KafkaConnectStates.All));
            }

            return server.KafkaConnect.Force(name, connector, tasks, RequestFields.Text(body, "trace"))
                ? ApiReplies.Ok()
                : Results.NotFound("no Kafka Connect connector " + name);
        });
    }
}
