namespace Upstash.Kafka
{
    /// <summary>Which API a connection talks to. A third kind of server is a new value here and a folder of its own.</summary>
    public enum ServerKind
    {
        /// <summary>Upstash's Developer API (or the emulator, or an API-compatible server): Basic auth, email and API key.</summary>
        Upstash,

        /// <summary>A Kafka Connect REST API (Apache Kafka, Strimzi, Confluent Platform, Aiven): connectors only.</summary>
        KafkaConnect,
    }
}
