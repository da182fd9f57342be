namespace Upstash.Kafka.Api
{
    /// <summary>Chooses the connector implementation for a client's connection: the one place that knows every kind.</summary>
    internal static class ConnectorServers
    {
        public static IConnectorServer For(UpstashApiClient client) =>
            client.Connection.Kind == ServerKind.KafkaConnect
                ? new KafkaConnectConnectorServer(client)
                : (IConnectorServer)new UpstashConnectorServer(client);

        /// <summary>"on Kafka Connect at ...": where a name was looked for, without a client.</summary>
        public static string Where(ApiConnection connection) => "on " + connection.Describe();
    }
}
