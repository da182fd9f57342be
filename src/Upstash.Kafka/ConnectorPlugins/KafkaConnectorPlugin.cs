namespace Upstash.Kafka
{
    /// <summary>
    /// One plugin installed on a Kafka Connect worker (GET /connector-plugins): a connector class, or with Kafka 3.2
    /// and later also a transformation, predicate or converter. The list is per worker and can differ between workers
    /// during a rolling upgrade.
    /// </summary>
    public sealed class KafkaConnectorPlugin
    {
        /// <summary>The fully qualified class name, e.g. "io.aiven.connect.jdbc.JdbcSinkConnector", as connector.class or transforms.*.type take it.</summary>
        public string Class { get; set; } = string.Empty;

        public KafkaConnectorPluginType Type { get; set; }

        /// <summary>The version the plugin reports; null when it reports none (converters often do not).</summary>
        public string? Version { get; set; }

        /// <summary>The Kafka Connect server the plugin was listed by.</summary>
        public UpstashKafkaConnection? Connection { get; set; }

        public override string ToString() => Class;
    }
}
