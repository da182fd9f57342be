using System;

namespace Upstash.Kafka.Api
{
    /// <summary>Where a connector lives on Kafka Connect: its name as one escaped path segment under connectors/.</summary>
    internal static class KafkaConnectPaths
    {
        public static string Connector(string name) => "connectors/" + Uri.EscapeDataString(name);

        /// <summary>
        /// *(decision, from the contract)* Kafka Connect accepts any non-empty name without control characters, but a
        /// name with '/' cannot be addressed reliably by path (proxies and Jetty unescape %2F), so a new one is refused.
        /// </summary>
        public static void RefuseUnaddressableName(string name)
        {
            if (name.IndexOf('/') >= 0)
            {
                throw new UpstashApiException(
                    ApiFailure.BadRequest,
                    $"Connector '{name}' was not created: a name with '/' cannot be addressed by Kafka Connect's REST paths afterwards. Choose a name without '/'.");
            }
        }
    }
}
