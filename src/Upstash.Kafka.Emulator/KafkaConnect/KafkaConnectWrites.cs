using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// The checks every configuration write goes through (create, PUT and PATCH config), in upstream's order: the name
/// in the body against the name in the URL, then validation (no connector type, uninstalled class, invalid values).
/// Only then does a create find the name taken (409).
/// </summary>
public static class KafkaConnectWrites
{
    /// <summary>checkAndPutConnectorConfigName: a "name" in the map must equal the URL's; a missing one is added.</summary>
    public static IResult? PutName(string name, JsonObject config)
    {
        if (config["name"] is JsonValue included)
        {
            string text = KafkaConnectBody.Text(included);
            return text == name
                ? null
                : KafkaConnectReplies.BadRequest($"Connector name configuration ({text}) doesn't match connector name in the URL ({name})");
        }

        // A JSON null counts as missing (Map.get returns null), and the put replaces it.
        config.Remove("name");
        config["name"] = name;
        return null;
    }

    /// <summary>validateConnectorConfig and maybeAddConfigErrors: null when the configuration may be written.</summary>
    public static IResult? Check(JsonObject config, EmulatorOptions options)
    {
        if (config["connector.class"] is not JsonValue connectorClass)
        {
            // Echoes the submitted map, secrets included, as upstream does (clients must redact it).
            return KafkaConnectReplies.BadRequest($"Connector config {KafkaConnectJson.JavaMap(config)} contains no connector type");
        }

        string className = KafkaConnectBody.Text(connectorClass);
        KafkaConnectPlugin? plugin = KafkaConnectPlugins.FindConnector(options, className);
        if (plugin == null)
        {
            return KafkaConnectReplies.ServerError(KafkaConnectPlugins.NotInstalledMessage(options, className));
        }

        KafkaConnectValidation validation = KafkaConnectValidation.Validate(plugin, config);
        return validation.ErrorCount == 0 ? null : KafkaConnectReplies.BadRequest(validation.InvalidMessage);
    }

    /// <summary>ConnectUtils.patchConfig: a value replaces or adds its key, a JSON null removes it.</summary>
    public static JsonObject Patch(JsonObject config, JsonObject patch)
    {
        var result = (JsonObject)config.DeepClone();
        foreach (KeyValuePair<string, JsonNode?> entry in patch)
        {
            if (entry.Value == null)
            {
                result.Remove(entry.Key);
            }
            else
            {
                result[entry.Key] = entry.Value.DeepClone();
            }
        }

        return result;
    }
}
