using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>One installed plugin. A null version is one the plugin does not report (listed without "version").</summary>
public sealed record KafkaConnectPlugin(string ClassName, string Type, string? Version, string Location, IReadOnlyList<KafkaConnectConfigKey> Keys)
{
    public bool IsConnector => Type is "source" or "sink";

    public string SimpleName => ClassName[(ClassName.LastIndexOf('.') + 1)..];

    /// <summary>Java's PluginDesc.toString(), which the "Failed to find any class" message lists.</summary>
    public string Describe()
    {
        string version = Version ?? "undefined";
        return $"PluginDesc{{klass=class {ClassName}, name='{ClassName}', version='{version}', encodedVersion={version}, " +
               $"type={Type}, typeName='{Type}', location='{Location}'}}";
    }
}

/// <summary>
/// The emulated worker's plugin path: a fixed, realistic set. The connectors are the classes Upstash hosted (the
/// module's KnownConnectorClasses and the Upstash side of this emulator) plus Apache Kafka's own; the other kinds are
/// what stock Kafka ships. Kafka's own plugins report the version the emulator is set to; converters report none.
/// </summary>
public static class KafkaConnectPlugins
{
    private const string Kafka = "(kafka)";
    private const string Transforms = "org.apache.kafka.connect.transforms.";

    private static readonly (string Class, string Type, string? Version, string Location, KafkaConnectConfigKey[] Keys)[] Installed =
    {
        ("com.mongodb.kafka.connect.MongoSinkConnector", "sink", "1.13.1", "file:/opt/kafka/plugins/mongo-kafka/", KafkaConnectConfigKeys.Mongo),
        ("com.mongodb.kafka.connect.MongoSourceConnector", "source", "1.13.1", "file:/opt/kafka/plugins/mongo-kafka/", KafkaConnectConfigKeys.Mongo),
        ("com.snowflake.kafka.connector.SnowflakeSinkConnector", "sink", "2.2.2", "file:/opt/kafka/plugins/snowflake-kafka-connector/", KafkaConnectConfigKeys.None),
        ("com.wepay.kafka.connect.bigquery.BigQuerySinkConnector", "sink", "2.5.0", "file:/opt/kafka/plugins/bigquery/", KafkaConnectConfigKeys.None),
        ("io.aiven.connect.jdbc.JdbcSinkConnector", "sink", "6.10.0", "file:/opt/kafka/plugins/aiven-jdbc/", KafkaConnectConfigKeys.Jdbc),
        ("io.aiven.connect.jdbc.JdbcSourceConnector", "source", "6.10.0", "file:/opt/kafka/plugins/aiven-jdbc/", KafkaConnectConfigKeys.Jdbc),
        ("io.aiven.kafka.connect.http.HttpSinkConnector", "sink", "0.8.0", "file:/opt/kafka/plugins/aiven-http/", KafkaConnectConfigKeys.None),
        ("io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "sink", "3.1.1", "file:/opt/kafka/plugins/aiven-opensearch/", KafkaConnectConfigKeys.None),
        ("io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", "sink", "3.1.0", "file:/opt/kafka/plugins/aiven-s3/", KafkaConnectConfigKeys.None),
        ("io.debezium.connector.mongodb.MongoDbConnector", "source", "2.7.3.Final", "file:/opt/kafka/plugins/debezium-mongodb/", KafkaConnectConfigKeys.None),
        ("io.debezium.connector.mysql.MySqlConnector", "source", "2.7.3.Final", "file:/opt/kafka/plugins/debezium-mysql/", KafkaConnectConfigKeys.None),
        ("io.debezium.connector.postgresql.PostgresConnector", "source", "2.7.3.Final", "file:/opt/kafka/plugins/debezium-postgres/", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.file.FileStreamSinkConnector", "sink", Kafka, "classpath", KafkaConnectConfigKeys.FileSink),
        ("org.apache.kafka.connect.file.FileStreamSourceConnector", "source", Kafka, "classpath", KafkaConnectConfigKeys.FileSource),
        ("org.apache.kafka.connect.mirror.MirrorCheckpointConnector", "source", Kafka, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.mirror.MirrorHeartbeatConnector", "source", Kafka, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.mirror.MirrorSourceConnector", "source", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "Cast$Value", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "DropHeaders", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "ExtractField$Key", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "ExtractField$Value", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "Filter", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "InsertField$Value", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "MaskField$Value", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "RegexRouter", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "ReplaceField$Value", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "TimestampRouter", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "ValueToKey", "transformation", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "predicates.HasHeaderKey", "predicate", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "predicates.RecordIsTombstone", "predicate", Kafka, "classpath", KafkaConnectConfigKeys.None),
        (Transforms + "predicates.TopicNameMatches", "predicate", Kafka, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.converters.ByteArrayConverter", "converter", null, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.json.JsonConverter", "converter", null, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.storage.StringConverter", "converter", null, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.json.JsonConverter", "header_converter", null, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.storage.SimpleHeaderConverter", "header_converter", null, "classpath", KafkaConnectConfigKeys.None),
        ("org.apache.kafka.connect.storage.StringConverter", "header_converter", null, "classpath", KafkaConnectConfigKeys.None),
    };

    /// <summary>Every plugin, sinks then sources then the other kinds, as ConnectorPluginsResource lists them.</summary>
    public static IReadOnlyList<KafkaConnectPlugin> All(EmulatorOptions options)
    {
        string[] order = { "sink", "source", "transformation", "predicate", "converter", "header_converter" };
        return Installed
            .Select(p => new KafkaConnectPlugin(p.Class, p.Type, p.Version == Kafka ? options.KafkaConnectVersion : p.Version, p.Location, p.Keys))
            .OrderBy(p => Array.IndexOf(order, p.Type))
            .ToList();
    }

    /// <summary>
    /// The connector a connector.class names: the full class name, or an alias (the simple name, with or without its
    /// "Connector" suffix), as Plugins.connectorClass resolves it. Null when none is installed.
    /// </summary>
    public static KafkaConnectPlugin? FindConnector(EmulatorOptions options, string classOrAlias) =>
        All(options).Where(p => p.IsConnector).FirstOrDefault(p =>
            p.ClassName == classOrAlias || p.SimpleName == classOrAlias || p.SimpleName == classOrAlias + "Connector");

    /// <summary>Any plugin by class name or alias (GET /connector-plugins/{p}/config).</summary>
    public static KafkaConnectPlugin? Find(EmulatorOptions options, string classOrAlias) =>
        All(options).FirstOrDefault(p => p.ClassName == classOrAlias || p.SimpleName == classOrAlias || p.SimpleName == classOrAlias + "Connector");

    /// <summary>"source", "sink" or "unknown" (an uninstalled class), as ConnectorInfo and status report the type.</summary>
    public static string TypeOf(EmulatorOptions options, string connectorClass) =>
        FindConnector(options, connectorClass)?.Type ?? "unknown";

    /// <summary>The 500 an uninstalled connector class gets, on create and on validate alike.</summary>
    public static string NotInstalledMessage(EmulatorOptions options, string connectorClass) =>
        "Failed to find any class that implements Connector and which name matches " + connectorClass +
        ", available connectors are: " +
        string.Join(", ", All(options).Where(p => p.IsConnector).Select(p => p.Describe()));

    public static JsonObject Json(KafkaConnectPlugin plugin)
    {
        var json = new JsonObject { ["class"] = plugin.ClassName, ["type"] = plugin.Type };
        if (plugin.Version != null)
        {
            json["version"] = plugin.Version;
        }

        return json;
    }
}
