using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// One configuration key a connector declares (Java's ConfigKey, as ConfigKeyInfo shows it). A key without a default
/// is required: validation reports it missing.
/// </summary>
public sealed record KafkaConnectConfigKey(
    string Name,
    string Type,
    bool HasDefault,
    string? Default,
    string Importance,
    string Documentation,
    string? Group,
    int Order,
    string Width,
    string DisplayName)
{
    public bool Required => !HasDefault;

    public JsonObject Json() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["required"] = Required,
        ["default_value"] = Default,
        ["importance"] = Importance,
        ["documentation"] = Documentation,
        ["group"] = Group,
        ["order"] = Order,
        ["width"] = Width,
        ["display_name"] = DisplayName,
        ["dependents"] = new JsonArray(),
    };
}

/// <summary>
/// The keys the emulated connectors declare. *(decision)* Real plugins declare dozens; the emulator declares the
/// framework's common keys and, per plugin, only the few it is sure of, so that validation and create reject what a
/// real worker would certainly reject (a JDBC connector without connection.url, a FileStreamSource without topic, a
/// sink without topics) and accept the rest.
/// </summary>
public static class KafkaConnectConfigKeys
{
    public static readonly KafkaConnectConfigKey[] None = Array.Empty<KafkaConnectConfigKey>();

    /// <summary>ConnectorConfig's keys, on every connector.</summary>
    public static readonly KafkaConnectConfigKey[] Common =
    {
        Key("name", "STRING", null, "HIGH", "Globally unique name to use for this connector.", "Common", 1, "MEDIUM", "Connector name", required: true),
        Key("connector.class", "STRING", null, "HIGH", "Name or alias of the class for this connector. Must be a subclass of org.apache.kafka.connect.connector.Connector.", "Common", 2, "LONG", "Connector class", required: true),
        Key("tasks.max", "INT", "1", "HIGH", "Maximum number of tasks to use for this connector.", "Common", 3, "SHORT", "Tasks max"),
        Key("key.converter", "CLASS", null, "LOW", "Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.", "Common", 5, "SHORT", "Key converter class"),
        Key("value.converter", "CLASS", null, "LOW", "Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.", "Common", 6, "SHORT", "Value converter class"),
        Key("header.converter", "CLASS", "org.apache.kafka.connect.storage.SimpleHeaderConverter", "LOW", "HeaderConverter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.", "Common", 7, "SHORT", "Header converter class"),
        Key("transforms", "LIST", string.Empty, "LOW", "Aliases for the transformations to be applied to records.", "Transforms", 0, "LONG", "Transforms"),
        Key("predicates", "LIST", string.Empty, "LOW", "Aliases for the predicates used by transformations.", "Predicates", 0, "LONG", "Predicates"),
    };

    /// <summary>SinkConnectorConfig adds these; exactly one of them must be set.</summary>
    public static readonly KafkaConnectConfigKey[] Sink =
    {
        Key("topics", "LIST", string.Empty, "HIGH", "List of topics to consume, separated by commas", "Common", 4, "LONG", "Topics"),
        Key("topics.regex", "STRING", string.Empty, "HIGH", "Regular expression giving topics to consume.", "Common", 4, "LONG", "Topics regex"),
    };

    public static readonly KafkaConnectConfigKey[] Jdbc =
    {
        Key("connection.url", "STRING", null, "HIGH", "JDBC connection URL.", "Connection", 1, "LONG", "JDBC URL", required: true),
        Key("connection.user", "STRING", null, "HIGH", "JDBC connection user.", "Connection", 2, "MEDIUM", "JDBC User"),
        Key("connection.password", "PASSWORD", null, "HIGH", "JDBC connection password.", "Connection", 3, "MEDIUM", "JDBC Password"),
    };

    public static readonly KafkaConnectConfigKey[] Mongo =
    {
        Key("connection.uri", "PASSWORD", "[hidden]", "HIGH", "The connection URI as supported by the official drivers.", "Connection", 1, "MEDIUM", "MongoDB Connection URI"),
        Key("database", "STRING", string.Empty, "MEDIUM", "The database to watch or write to.", "Connection", 2, "MEDIUM", "The database"),
        Key("collection", "STRING", string.Empty, "MEDIUM", "The collection to watch or write to.", "Connection", 3, "MEDIUM", "The collection"),
    };

    public static readonly KafkaConnectConfigKey[] FileSource =
    {
        Key("file", "STRING", null, "HIGH", "Source filename. If not specified, the standard input will be used", null, -1, "NONE", "file"),
        Key("topic", "LIST", null, "HIGH", "The topic to publish data to", null, -1, "NONE", "topic", required: true),
        Key("batch.size", "INT", "2000", "LOW", "The maximum number of records the source task can read from the file each time it is polled", null, -1, "NONE", "batch.size"),
    };

    public static readonly KafkaConnectConfigKey[] FileSink =
    {
        Key("file", "STRING", null, "HIGH", "Destination filename. If not specified, the standard output will be used", null, -1, "NONE", "file"),
    };

    private static KafkaConnectConfigKey Key(string name, string type, string? defaultValue, string importance, string documentation, string? group, int order, string width, string displayName, bool required = false) =>
        new(name, type, !required, defaultValue, importance, documentation, group, order, width, displayName);
}
