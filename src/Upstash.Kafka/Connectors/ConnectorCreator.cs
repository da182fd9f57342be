using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates a connector exactly once (see <see cref="ExactlyOnceCreate{T}"/>): after an ambiguous failure the
    /// cluster's connectors are listed and the name looked for before anything is sent again.
    /// </summary>
    internal sealed class ConnectorCreator
    {
        private readonly UpstashApiClient client;
        private readonly ConnectorApi connectors;

        public ConnectorCreator(UpstashApiClient client)
        {
            this.client = client;
            connectors = new ConnectorApi(client);
        }

        public Task<KafkaConnector> CreateAsync(
            string name,
            string clusterId,
            IReadOnlyDictionary<string, string> properties,
            Dictionary<string, string> maskedProperties,
            CancellationToken cancellation) =>
            new ExactlyOnceCreate<KafkaConnector>(client, new CreateTarget<KafkaConnector>
            {
                Kind = "connector",
                Name = name,
                Container = "the cluster",
                ListName = "the cluster's list",
                LookupHint = $"Get-UpstashKafkaConnector -ClusterId {clusterId} -Name '{name}'",
                Send = token => connectors.CreateAsync(name, clusterId, properties, maskedProperties, token),
                Find = token => FindByNameAsync(name, clusterId, token),
                WhyNotOurs = (found, firstSent) => LooksLikeOurs(found, properties, firstSent)
                    ? null
                    : $"created {found.CreationTime:u}, class {found.ConnectorClass}",
                Recovered = found =>
                {
                    found.Properties = new ConnectorProperties(maskedProperties);
                    found.SecretsMasked = true;
                    return found;
                },
            }).RunAsync(cancellation);

        /// <summary>
        /// A connector found by name after a lost reply is ours only if it was created after our first attempt (with
        /// five minutes' leeway for the two clocks) and has the class we sent; otherwise it was there before.
        /// </summary>
        private static bool LooksLikeOurs(KafkaConnector found, IReadOnlyDictionary<string, string> sent, DateTimeOffset firstSent)
        {
            sent.TryGetValue("connector.class", out string? sentClass);
            bool sameClass = string.IsNullOrEmpty(found.ConnectorClass) || string.Equals(found.ConnectorClass, sentClass, StringComparison.Ordinal);
            return CreateTarget<KafkaConnector>.IsRecent(found.CreationTime, firstSent) && sameClass;
        }

        /// <summary>Looks the name up in the cluster's list.</summary>
        private async Task<KafkaConnector?> FindByNameAsync(string name, string clusterId, CancellationToken cancellation)
        {
            KafkaConnector? found = null;
            await connectors.ListAsync(
                clusterId,
                includeSecrets: false,
                connector =>
                {
                    if (string.Equals(connector.Name, name, StringComparison.Ordinal))
                    {
                        found = connector;
                    }
                },
                cancellation).ConfigureAwait(false);
            return found;
        }
    }
}
