namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The refusal for what only Kafka Connect has (plugins, offsets): Upstash's API has no endpoint for them, so a
    /// request sent there could only fail in a way that names nothing useful. Checked before anything is sent.
    /// </summary>
    internal static class KafkaConnectOnly
    {
        /// <exception cref="UpstashApiException">NotSupported, when <paramref name="connection"/> is not Kafka Connect.</exception>
        public static void Require(ApiConnection connection, string what)
        {
            if (connection.Kind != ServerKind.KafkaConnect)
            {
                throw new UpstashApiException(
                    ApiFailure.NotSupported,
                    $"{what} works only on Kafka Connect, and the connection is {connection.Describe()}, which has no such API. Nothing was sent. " +
                    "Give a connection from Connect-UpstashKafka -KafkaConnectUri ... -PassThru with -Connection, or make it the session's default.");
            }
        }
    }
}
