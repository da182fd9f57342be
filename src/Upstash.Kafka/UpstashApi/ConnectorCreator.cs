using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates a connector exactly once (see <see cref="CreateRecovery{T}"/>): after an ambiguous failure the
    /// cluster's connectors are listed and the name looked for before the create is ever sent again.
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
            CancellationToken cancellation)
        {
            var recovery = new CreateRecovery<KafkaConnector>(
                client, "connector", name, "the cluster", $"Get-UpstashKafkaConnector -ClusterId {clusterId} -Name '{name}'");
            return recovery.CreateAsync(
                token => connectors.CreateAsync(name, clusterId, properties, maskedProperties, token),
                token => FindByNameAsync(name, clusterId, token),
                (found, firstSent) => LooksLikeOurs(found, properties, firstSent) ? null : $"created {found.CreationTime:u}, class {found.ConnectorClass}",
                existing =>
                {
                    existing.Properties = new ConnectorProperties(maskedProperties);
                    existing.SecretsMasked = true;
                    return existing;
                },
                cancellation);
        }

        /// <summary>
        /// A connector found by name after a lost reply is ours only if it was created after our first attempt and
        /// has the class we sent; otherwise it was there before.
        /// </summary>
        private static bool LooksLikeOurs(KafkaConnector found, IReadOnlyDictionary<string, string> sent, DateTimeOffset firstSent)
        {
            sent.TryGetValue("connector.class", out string? sentClass);
            bool sameClass = string.IsNullOrEmpty(found.ConnectorClass) || string.Equals(found.ConnectorClass, sentClass, StringComparison.Ordinal);
            return CreateRecovery<KafkaConnector>.CreatedSince(found.CreationTime, firstSent) && sameClass;
        }

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
