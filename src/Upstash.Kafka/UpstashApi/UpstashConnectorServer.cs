using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The connector cmdlets' server on Upstash's Developer API: connectors live in clusters and have ids; there is no
    /// stopped state and no per-task restart.
    /// </summary>
    internal sealed class UpstashConnectorServer : IConnectorServer
    {
        private readonly UpstashApiClient client;
        private readonly ConnectorApi connectors;

        public UpstashConnectorServer(UpstashApiClient client)
        {
            this.client = client;
            connectors = new ConnectorApi(client);
        }

        public string Where(string? clusterId) => clusterId == null ? "in any cluster" : "in cluster " + clusterId;

        public async Task<KafkaConnector> CreateAsync(ConnectorCreation creation, CancellationToken cancellation)
        {
            if (string.IsNullOrWhiteSpace(creation.ClusterId))
            {
                throw new UpstashApiException(ApiFailure.BadRequest, $"Connector '{creation.Name}' was not created: on Upstash a connector is created in a cluster; give -ClusterId.");
            }

            if (creation.InitialState == ConnectorInitialState.Stopped)
            {
                throw Unsupported($"Connector '{creation.Name}' was not created: Upstash has no stopped state. Use -InitialState Paused, or create it on Kafka Connect.");
            }

            KafkaConnector created = await new ConnectorCreator(client)
                .CreateAsync(creation.Name, creation.ClusterId!, creation.Properties, creation.MaskedProperties, cancellation)
                .ConfigureAwait(false);
            if (creation.InitialState == ConnectorInitialState.Paused)
            {
                // Upstash creates connectors running; pausing at once is the nearest it has to a paused start.
                client.Log.Verbose($"Upstash starts every new connector; pausing '{creation.Name}' now, as -InitialState Paused asks.");
                await connectors.PauseAsync(created.ConnectorId, cancellation).ConfigureAwait(false);
                created.State = "paused";
            }

            return created;
        }

        public Task<KafkaConnector> GetAsync(string connectorId, bool includeSecrets, CancellationToken cancellation) =>
            connectors.GetAsync(connectorId, includeSecrets, cancellation);

        /// <summary>Upstash has no get-by-name: the cluster is listed and the name looked for.</summary>
        public async Task<KafkaConnector?> FindAsync(string name, string? clusterId, CancellationToken cancellation)
        {
            var found = new List<KafkaConnector>();
            await connectors.ListAsync(
                clusterId ?? throw new ArgumentNullException(nameof(clusterId)),
                (clear, masked) =>
                {
                    if (string.Equals(clear.Name, name, StringComparison.Ordinal))
                    {
                        found.Add(clear);
                    }
                },
                cancellation).ConfigureAwait(false);
            if (found.Count > 1)
            {
                throw new UpstashApiException(ApiFailure.Conflict, $"Cluster {clusterId} has {found.Count} connectors named '{name}', so which one is meant cannot be known; nothing was changed.");
            }

            return found.Count == 0 ? null : found[0];
        }

        public Task<KafkaConnector> GetStatusAsync(string connectorId, CancellationToken cancellation) =>
            connectors.GetAsync(connectorId, includeSecrets: false, cancellation);

        public Task ListAsync(string? clusterId, bool includeSecrets, Action<KafkaConnector> onConnector, Action<string, UpstashApiException>? onClusterFailed, CancellationToken cancellation) =>
            EveryCluster.ListAsync(client, clusterId, id => connectors.ListAsync(id, includeSecrets, onConnector, cancellation), onClusterFailed, cancellation);

        public Task ListAsync(string? clusterId, Action<KafkaConnector, KafkaConnector> onClearAndMasked, CancellationToken cancellation) =>
            connectors.ListAsync(clusterId ?? throw new ArgumentNullException(nameof(clusterId)), onClearAndMasked, cancellation);

        public Task<KafkaConnector> ReconfigureAsync(string connectorId, IReadOnlyDictionary<string, string> properties, Dictionary<string, string> maskedProperties, CancellationToken cancellation) =>
            connectors.ReconfigureAsync(connectorId, properties, maskedProperties, cancellation);

        public Task PauseAsync(string connectorId, CancellationToken cancellation) => connectors.PauseAsync(connectorId, cancellation);

        public Task ResumeAsync(string connectorId, CancellationToken cancellation) => connectors.StartAsync(connectorId, cancellation);

        public Task StopAsync(string connectorId, CancellationToken cancellation) =>
            throw Unsupported($"Connector {connectorId} was not stopped: Upstash has no stopped state (Kafka Connect 3.5 and later has). Suspend-UpstashKafkaConnector pauses it.");

        public Task RestartAsync(string connectorId, ConnectorRestart restart, CancellationToken cancellation)
        {
            if (restart.TaskIds.Length > 0)
            {
                throw Unsupported($"Connector {connectorId} was not restarted: Upstash restarts a connector with all its tasks, not single tasks. Leave out -TaskId.");
            }

            // Upstash's restart restarts the connector and every task; -OnlyIfFailed was settled by reading its state first.
            return connectors.RestartAsync(connectorId, cancellation);
        }

        public Task DeleteAsync(string connectorId, CancellationToken cancellation) => connectors.DeleteAsync(connectorId, cancellation);

        private static UpstashApiException Unsupported(string message) => new UpstashApiException(ApiFailure.NotSupported, message);
    }
}
