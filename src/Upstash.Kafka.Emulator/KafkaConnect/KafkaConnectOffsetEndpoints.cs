using System.Text.Json.Nodes;
using static Upstash.Kafka.Emulator.KafkaConnect.KafkaConnectReplies;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// GET (3.5), PATCH and DELETE (3.6) /connectors/{name}/offsets. Before 3.5 the path does not exist (Jersey 404); on
/// 3.5 only GET does, so PATCH and DELETE are Jersey's 405.
/// </summary>
public static class KafkaConnectOffsetEndpoints
{
    private const string OffsetsClass = "org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets";

    public static void Map(WebApplication app, KafkaConnectStore store, EmulatorOptions options)
    {
        app.MapGet("/connectors/{name}/offsets", (string name) =>
            !KafkaConnectVersion.HasStop(options) ? JerseyNotFoundReply()
            : store.With(name, c => Json(KafkaConnectJson.Offsets(c))) ?? NotFound($"Connector {name} not found"));

        app.MapPatch("/connectors/{name}/offsets", async (string name, HttpRequest request) =>
        {
            if (Unsupported(options) is IResult unsupported)
            {
                return unsupported;
            }

            (JsonNode? node, IResult? unreadable) = await KafkaConnectBody.ReadAsync(request);
            if (unreadable != null)
            {
                return unreadable;
            }

            if (node is JsonObject body && body.Select(p => p.Key).FirstOrDefault(k => k != "offsets") is string unknown)
            {
                return ServerError($"Unrecognized field \"{unknown}\" (class {OffsetsClass}), not marked as ignorable (one known property: \"offsets\"])");
            }

            // The resource refuses a missing or empty list before it looks the connector up.
            if (node?["offsets"] is not JsonArray offsets || offsets.Count == 0)
            {
                return node is JsonObject && node["offsets"] is not null and not JsonArray
                    ? ServerError($"Cannot deserialize value of type `java.util.ArrayList<{OffsetsClass.Replace("ConnectorOffsets", "ConnectorOffset", StringComparison.Ordinal)}>` from non-array value")
                    : BadRequest(KafkaConnectOffsets.Empty);
            }

            return store.AlterOffsets(name, offsets) switch
            {
                null => NotFound($"Connector {name} not found"),
                "" => Json(new JsonObject { ["message"] = KafkaConnectOffsets.Altered }),
                string problem => BadRequest(problem),
            };
        });

        app.MapDelete("/connectors/{name}/offsets", (string name) =>
            Unsupported(options) ?? store.ResetOffsets(name) switch
            {
                null => NotFound($"Connector {name} not found"),
                "" => Json(new JsonObject { ["message"] = KafkaConnectOffsets.ResetDone }),
                string problem => BadRequest(problem),
            });
    }

    private static IResult? Unsupported(EmulatorOptions options) =>
        !KafkaConnectVersion.HasStop(options) ? JerseyNotFoundReply()
        : !KafkaConnectVersion.HasAlterOffsets(options) ? JerseyMethodNotAllowedReply()
        : null;
}
