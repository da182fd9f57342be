using System.Globalization;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// A connector configuration checked against its plugin's keys, as AbstractHerder.validateConnectorConfig does for
/// both PUT .../config/validate and every write (create, PUT and PATCH config): the same errors, in the same words.
/// </summary>
public sealed class KafkaConnectValidation
{
    private readonly List<(KafkaConnectConfigKey? Key, string Name, string? Value, List<string> Errors)> values = new();

    private KafkaConnectValidation(KafkaConnectPlugin plugin)
    {
        Plugin = plugin;
    }

    public KafkaConnectPlugin Plugin { get; }

    public int ErrorCount => values.Sum(v => v.Errors.Count);

    /// <summary>Every error, key by key in declaration order: the lines of the create-time 400.</summary>
    public IEnumerable<string> Messages => values.SelectMany(v => v.Errors);

    /// <summary>The 400 a write gets for an invalid configuration (AbstractHerder.maybeAddConfigErrors).</summary>
    public string InvalidMessage =>
        $"Connector configuration is invalid and contains the following {ErrorCount} error(s):\n" +
        string.Join("\n", Messages) +
        "\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`";

    /// <param name="config">The flat map; a JSON null value is one the client sent as null.</param>
    public static KafkaConnectValidation Validate(KafkaConnectPlugin plugin, JsonObject config)
    {
        var result = new KafkaConnectValidation(plugin);
        IEnumerable<KafkaConnectConfigKey> keys = KafkaConnectConfigKeys.Common
            .Concat(plugin.Type == "sink" ? KafkaConnectConfigKeys.Sink : KafkaConnectConfigKeys.None)
            .Concat(plugin.Keys);
        foreach (KafkaConnectConfigKey key in keys)
        {
            result.Check(key, config);
        }

        if (plugin.Type == "sink")
        {
            result.CheckTopics(config);
        }

        // Keys the plugin does not declare are passed through unchecked, except a null value (validateConnectorConfig).
        foreach (KeyValuePair<string, JsonNode?> entry in config)
        {
            if (entry.Value == null && !result.values.Any(v => v.Name == entry.Key))
            {
                result.values.Add((null, entry.Key, null, new List<string> { NullValue }));
            }
        }

        return result;
    }

    /// <summary>ConfigInfos: what PUT /connector-plugins/{p}/config/validate answers, 200 whatever the outcome.</summary>
    public JsonObject Json() => new()
    {
        ["name"] = Plugin.ClassName,
        ["error_count"] = ErrorCount,
        ["groups"] = new JsonArray(values.Select(v => v.Key?.Group).Where(g => g != null).Distinct().Select(g => (JsonNode)JsonValue.Create(g)!).ToArray()),
        ["configs"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
        {
            ["definition"] = v.Key?.Json(),
            ["value"] = new JsonObject
            {
                ["name"] = v.Name,
                ["value"] = v.Key?.Type == "PASSWORD" && v.Value != null ? "[hidden]" : v.Value,
                ["recommended_values"] = new JsonArray(),
                ["errors"] = new JsonArray(v.Errors.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
                ["visible"] = true,
            },
        }).ToArray()),
    };

    private const string NullValue = "Null value can not be supplied as the configuration value.";

    private void Check(KafkaConnectConfigKey key, JsonObject config)
    {
        var errors = new List<string>();
        bool present = config.TryGetPropertyValue(key.Name, out JsonNode? node);
        string? value = node?.GetValue<string>();
        if (present && node == null)
        {
            errors.Add(NullValue);
        }
        else if (!present && key.Required)
        {
            errors.Add($"Missing required configuration \"{key.Name}\" which has no default value.");
        }
        else if (value != null)
        {
            CheckValue(key, value.Trim(), errors);
        }

        values.Add((key, key.Name, value ?? key.Default, errors));
    }

    private static void CheckValue(KafkaConnectConfigKey key, string value, List<string> errors)
    {
        // ConfigDef trims strings; the name's validator is NonEmptyStringWithoutControlChars.
        if (key.Name == "name" && value.Length == 0)
        {
            errors.Add($"Invalid value {value} for configuration name: String must be non-empty");
        }
        else if (key.Type == "INT")
        {
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            {
                errors.Add($"Invalid value {value} for configuration {key.Name}: Not a number of type INT");
            }
            else if (key.Name == "tasks.max" && number < 1)
            {
                errors.Add($"Invalid value {value} for configuration tasks.max: Value must be at least 1");
            }
        }
    }

    /// <summary>SinkConnectorConfig.validate: exactly one of topics and topics.regex, the error on both keys.</summary>
    private void CheckTopics(JsonObject config)
    {
        bool topics = !string.IsNullOrWhiteSpace(config["topics"] is JsonValue t ? t.GetValue<string>() : null);
        bool regex = !string.IsNullOrWhiteSpace(config["topics.regex"] is JsonValue r ? r.GetValue<string>() : null);
        string? problem = topics && regex
            ? "topics and topics.regex are mutually exclusive options, but both are set."
            : !topics && !regex ? "Must configure one of topics or topics.regex" : null;
        if (problem == null)
        {
            return;
        }

        foreach (var entry in values.Where(v => v.Name is "topics" or "topics.regex"))
        {
            entry.Errors.Add(problem);
        }
    }
}
