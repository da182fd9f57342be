using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// Request bodies bound as Jersey and Jackson bind them, with their 500s: the config is a Map&lt;String,String&gt;
/// (numbers and booleans are coerced to their text, arrays and objects refused), and an unknown field of a request
/// entity is refused, not ignored.
/// </summary>
public static class KafkaConnectBody
{
    public const string CreateRequestClass = "org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest";

    /// <summary>What checkAndPutConnectorConfigName hits when the body has no map: a NullPointerException, so a 500.</summary>
    public const string NullConfig = "Cannot invoke \"java.util.Map.get(Object)\" because \"connectorConfig\" is null";

    /// <summary>The body as JSON; null for an empty body. A body that is not JSON is Jackson's 500.</summary>
    public static async Task<(JsonNode? Node, IResult? Error)> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        string text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException ex)
        {
            return (null, KafkaConnectReplies.ServerError("Unexpected character in the request body: " + ex.Message));
        }
    }

    /// <summary>Binds a flat string map; JSON nulls stay (PATCH deletes with them, a write refuses them).</summary>
    /// <param name="chain">Jackson's reference chain to the map, for the error text.</param>
    public static JsonObject? FlatMap(JsonNode? node, string chain, out IResult? error)
    {
        error = null;
        if (node is not JsonObject map)
        {
            error = node == null
                ? KafkaConnectReplies.ServerError(NullConfig)
                : KafkaConnectReplies.ServerError($"Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.String>` from {Kind(node)} value (token `JsonToken.{Token(node)}`)");
            return null;
        }

        var flat = new JsonObject();
        foreach (KeyValuePair<string, JsonNode?> entry in map)
        {
            if (entry.Value is JsonObject or JsonArray)
            {
                error = KafkaConnectReplies.ServerError(
                    $"Cannot deserialize value of type `java.lang.String` from {Kind(entry.Value)} value (token `JsonToken.{Token(entry.Value)}`) " +
                    $"(through reference chain: {chain}[\"{entry.Key}\"])");
                return null;
            }

            flat[entry.Key] = entry.Value == null ? null : JsonValue.Create(Text((JsonValue)entry.Value));
        }

        return flat;
    }

    /// <summary>POST /connectors: {name, config, initial_state?}; initial_state is an unknown field before 3.7.</summary>
    public static (string Name, JsonObject Config, KafkaConnectTarget Target)? Create(JsonNode? node, EmulatorOptions options, out IResult? error)
    {
        error = null;
        if (node is not JsonObject body)
        {
            error = KafkaConnectReplies.ServerError(node == null
                ? $"Cannot invoke \"{CreateRequestClass}.name()\" because \"createRequest\" is null"
                : $"Cannot deserialize value of type `{CreateRequestClass}` from {Kind(node)} value (token `JsonToken.{Token(node)}`)");
            return null;
        }

        string[] known = KafkaConnectVersion.HasInitialState(options) ? new[] { "name", "config", "initial_state" } : new[] { "name", "config" };
        if (body.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is string unknown)
        {
            error = KafkaConnectReplies.ServerError(
                $"Unrecognized field \"{unknown}\" (class {CreateRequestClass}), not marked as ignorable ({known.Length} known properties: " +
                string.Join(", ", known.Select(k => "\"" + k + "\"")) + $"]) (through reference chain: {CreateRequestClass}[\"{unknown}\"])");
            return null;
        }

        if (body["name"] is JsonObject or JsonArray)
        {
            error = KafkaConnectReplies.ServerError($"Cannot deserialize value of type `java.lang.String` from {Kind(body["name"]!)} value (through reference chain: {CreateRequestClass}[\"name\"])");
            return null;
        }

        // The resource trims the name, and replaces a missing one with "" for the validator to refuse.
        string name = body["name"] is JsonValue n ? Text(n).Trim() : string.Empty;
        JsonObject? config = FlatMap(body["config"], CreateRequestClass + "[\"config\"]->java.util.LinkedHashMap", out error);
        if (config == null)
        {
            return null;
        }

        KafkaConnectTarget target = KafkaConnectTarget.Started;
        if (body["initial_state"] is JsonValue state)
        {
            string upper = Text(state).ToUpperInvariant();
            switch (upper)
            {
                case "RUNNING":
                    break;
                case "PAUSED":
                    target = KafkaConnectTarget.Paused;
                    break;
                case "STOPPED":
                    target = KafkaConnectTarget.Stopped;
                    break;
                default:
                    error = KafkaConnectReplies.ServerError(
                        $"Cannot construct instance of `{CreateRequestClass}$InitialState`, problem: No enum constant {CreateRequestClass}.InitialState.{upper}");
                    return null;
            }
        }

        return (name, config, target);
    }

    /// <summary>A JSON scalar as Jackson's StringDeserializer reads it: a string as is, anything else as its JSON text.</summary>
    public static string Text(JsonValue value) =>
        value.TryGetValue(out string? text) ? text : value.ToJsonString();

    private static string Kind(JsonNode node) => node switch
    {
        JsonArray => "Array",
        JsonObject => "Object",
        _ => "String",
    };

    private static string Token(JsonNode node) => node switch
    {
        JsonArray => "START_ARRAY",
        JsonObject => "START_OBJECT",
        _ => "VALUE_STRING",
    };
}
