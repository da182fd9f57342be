namespace Upstash.Kafka
{
    /// <summary>
    /// What a Kafka Connect plugin is, as GET /connector-plugins names it ("source", "sink", "transformation",
    /// "predicate", "converter", "header_converter"; KIP-769). A type a later Kafka adds reads as Unknown rather than
    /// failing the whole list.
    /// </summary>
    public enum KafkaConnectorPluginType
    {
        Source,
        Sink,
        Transformation,
        Predicate,
        Converter,
        HeaderConverter,

        /// <summary>A type this module does not know yet; the plugin is still listed.</summary>
        Unknown,
    }
}
