using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>The credential endpoints of the contract: create, list (every cluster's) and delete.</summary>
public static class CredentialEndpoints
{
    private static readonly string[] Permissions = { "ALL", "PRODUCE", "CONSUME" };

    public static void Map(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        app.MapPost("/v2/kafka/credential", async (HttpRequest request) =>
        {
            JsonObject? body = await ConnectorEndpoints.ReadObjectAsync(request);
            if (body == null)
            {
                return ApiReplies.Error(options, 400, "invalid request body: expected a JSON object");
            }

            string? name = RequestFields.Text(body, "credential_name");
            string? clusterId = RequestFields.Text(body, "cluster_id");
            string? topic = RequestFields.Text(body, "topic");
            string? permissions = RequestFields.Text(body, "permissions");
            string? problem =
                string.IsNullOrWhiteSpace(name) ? "credential_name is required"
                : string.IsNullOrWhiteSpace(clusterId) ? "cluster_id is required"
                : string.IsNullOrWhiteSpace(topic) ? "topic is required"
                : topic.TrimEnd('*').Contains('*', StringComparison.Ordinal) || topic.EndsWith("**", StringComparison.Ordinal) ? $"invalid topic '{topic}': a wildcard may only end the topic name"
                : permissions == null || !Permissions.Contains(permissions, StringComparer.Ordinal) ? $"invalid permissions '{permissions}': expected ALL, PRODUCE or CONSUME"
                : null;
            if (problem != null)
            {
                return ApiReplies.Error(options, 400, problem);
            }

            (CredentialRecord? created, string? refused) = store.AddCredential(name!, clusterId!, topic!, permissions!);
            return created != null ? ApiReplies.Json(CredentialJson.Of(created)) : ApiReplies.Error(options, 400, refused!);
        });

        app.MapGet("/v2/kafka/credentials", () =>
            ApiReplies.Json(new JsonArray(store.Credentials().Select(c => (JsonNode)CredentialJson.Of(c)).ToArray())));

        app.MapDelete("/v2/kafka/credential/{credentialId}", (string credentialId) =>
            store.RemoveCredential(credentialId) ? ApiReplies.Ok() : ApiReplies.Error(options, 404, "credential not found"));
    }
}
