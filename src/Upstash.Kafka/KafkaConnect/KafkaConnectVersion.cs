using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The Kafka version a Kafka Connect server runs, read from GET / once per connection, and the check that a
    /// feature is there before anything is sent for it. Apache builds report Kafka's version ("3.9.0",
    /// "4.0.0-SNAPSHOT"); Confluent Platform reports its own ("7.5.1-ce"). *(decision, from the contract)* CP 7.N
    /// carries Kafka 3.N and CP 8.N Kafka 4.N (CP 6.N: 2.(N+6), CP 5.N: 2.N); an unparseable version counts as newest,
    /// and the server's own 404 or 405 then speaks.
    /// </summary>
    internal sealed class KafkaConnectVersion
    {
        private static readonly char[] Dot = { '.' };

        private KafkaConnectVersion(string reported, Version? kafka)
        {
            Reported = reported;
            Kafka = kafka;
        }

        /// <summary>What GET / said.</summary>
        public string Reported { get; }

        /// <summary>The Kafka version it maps to; null when unknown (treated as newest).</summary>
        public Version? Kafka { get; }

        public static KafkaConnectVersion Parse(string reported)
        {
            string text = reported.Trim();
            int end = 0;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            string[] parts = text.Substring(0, end).Split(Dot, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
            {
                return new KafkaConnectVersion(reported, null);
            }

            // Apache Kafka's majors are 0 to 4; a 5 or more is Confluent Platform's numbering.
            Version kafka = major switch
            {
                5 => new Version(2, minor),
                6 => new Version(2, minor + 6),
                7 => new Version(3, minor),
                8 => new Version(4, minor),
                _ => new Version(major, minor),
            };
            return new KafkaConnectVersion(reported, kafka);
        }

        public bool AtLeast(Version needed) => Kafka == null || Kafka >= needed;

        /// <summary>The server's version, from GET / the first time a feature needs it, then from the connection.</summary>
        public static async Task<KafkaConnectVersion> OfAsync(UpstashApiClient client, CancellationToken cancellation)
        {
            if (client.Connection.ServerInfo is KafkaConnectVersion known)
            {
                return known;
            }

            JToken root = await client.SendForJsonAsync(new ApiCall(HttpMethod.Get, string.Empty, "Reading the Kafka Connect version"), cancellation).ConfigureAwait(false);
            string reported = root is JObject obj ? JsonFields.String(obj, "version") ?? string.Empty : string.Empty;
            KafkaConnectVersion version = Parse(reported);
            client.Connection.ServerInfo = version;
            client.Log.Verbose($"{client.Connection.Describe()} runs version {(reported.Length == 0 ? "(not reported)" : reported)}" +
                (version.Kafka != null && !reported.StartsWith(version.Kafka.ToString(2), StringComparison.Ordinal) ? $" (Kafka {version.Kafka.ToString(2)})." : "."));
            return version;
        }

        /// <summary>Throws NotSupported, naming the Kafka version needed, when the server is older than that; sends only GET /.</summary>
        public static async Task RequireAsync(UpstashApiClient client, Version needed, string what, CancellationToken cancellation)
        {
            KafkaConnectVersion version = await OfAsync(client, cancellation).ConfigureAwait(false);
            if (!version.AtLeast(needed))
            {
                throw new UpstashApiException(
                    ApiFailure.NotSupported,
                    $"{what} needs Kafka Connect from Kafka {needed.ToString(2)} or later; {client.Connection.Describe()} reports version {version.Reported}" +
                    (version.Reported.StartsWith(version.Kafka!.ToString(2), StringComparison.Ordinal) ? "." : $" (Kafka {version.Kafka.ToString(2)}).") +
                    " Nothing was changed.");
            }
        }
    }
}
