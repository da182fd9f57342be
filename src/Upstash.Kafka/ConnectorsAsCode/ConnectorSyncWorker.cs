using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Carries out one planned connector with the connector cmdlets' own server (Upstash or Kafka Connect): a create
    /// as New-UpstashKafkaConnector's (never sent blindly twice; a lost reply is recovered), the complete map sent as
    /// Set-UpstashKafkaConnector -Replace does, pause and resume as Suspend- and Resume-, delete as Remove-. Runs on
    /// a pool thread, several at once: it writes nothing itself and returns what was done.
    /// </summary>
    internal sealed class ConnectorSyncWorker
    {
        private readonly UpstashApiClient client;
        private readonly IConnectorServer connectors;
        private readonly string? clusterId;

        /// <param name="clusterId">The Upstash cluster; null on Kafka Connect.</param>
        public ConnectorSyncWorker(UpstashApiClient client, string? clusterId)
        {
            this.client = client;
            this.clusterId = clusterId;
            connectors = ConnectorServers.For(client);
        }

        /// <exception cref="UpstashApiException">A call failed; what was done before it stays done (a re-run finishes it).</exception>
        public async Task<KafkaConnectorSyncResult> ApplyAsync(PlannedConnector item, bool prune, CancellationToken token)
        {
            switch (item.Action)
            {
                case ConnectorComparisonAction.Create:
                    return await CreateAsync(item, token).ConfigureAwait(false);
                case ConnectorComparisonAction.Update:
                    return await UpdateAsync(item, token).ConfigureAwait(false);
                case ConnectorComparisonAction.Unmanaged when prune:
                    await connectors.DeleteAsync(item.Current!.Clear.ConnectorId, token).ConfigureAwait(false);
                    client.Log.Verbose($"Removed connector '{item.Name}' ({item.Current.Clear.ConnectorId}): it is in no file.");
                    return Result(item, ConnectorSyncOutcome.Removed, null, item.Current.Clear.ConnectorId);
                case ConnectorComparisonAction.Unmanaged:
                    return Result(item, ConnectorSyncOutcome.Unmanaged, item.Current!.Masked, item.Current.Masked.ConnectorId);
                default:
                    return Result(item, ConnectorSyncOutcome.Unchanged, item.Current!.Masked, item.Current.Masked.ConnectorId);
            }
        }

        private async Task<KafkaConnectorSyncResult> CreateAsync(PlannedConnector item, CancellationToken token)
        {
            DesiredConnector desired = item.Desired!;
            var creation = new ConnectorCreation(item.Name, clusterId, desired.Config.Values, ConnectorConfigDiff.Masked(desired.Config))
            {
                // Kafka Connect 3.7+ creates it paused or stopped; Upstash (and an older Kafka Connect) creates it, then pauses or stops it.
                InitialState = item.CreatedState,
            };
            KafkaConnector created = await connectors.CreateAsync(creation, token).ConfigureAwait(false);
            KafkaConnector ends = item.StateChange != null ? await ReadBackAsync(created.ConnectorId, desired, token).ConfigureAwait(false) : created;

            client.Log.Verbose($"Created connector '{item.Name}' ({created.ConnectorId}) from {desired.File.Path}.");
            return Result(item, ConnectorSyncOutcome.Created, ends, created.ConnectorId);
        }

        private async Task<KafkaConnectorSyncResult> UpdateAsync(PlannedConnector item, CancellationToken token)
        {
            DesiredConnector desired = item.Desired!;
            string id = item.Current!.Clear.ConnectorId;
            KafkaConnector ends = item.Current.Masked;
            bool stateSent = false;
            if (item.Changes.Length > 0)
            {
                // The complete map, as Set-UpstashKafkaConnector -Replace posts it: whether the server merges or
                // replaces is undocumented, and a complete map leaves the same configuration either way.
                ends = await connectors.ReconfigureAsync(id, desired.Config.Values, ConnectorConfigDiff.Masked(desired.Config), token).ConfigureAwait(false);
                if (item.EndsPaused && !ConnectorHealth.IsPaused(ends))
                {
                    // A reconfigured connector is validated and deployed again, which may start a paused one.
                    await connectors.PauseAsync(id, token).ConfigureAwait(false);
                    stateSent = true;
                }
            }

            if (!stateSent && item.StateChange == ConnectorStateChange.Pause)
            {
                await connectors.PauseAsync(id, token).ConfigureAwait(false);
                stateSent = true;
            }
            else if (item.StateChange == ConnectorStateChange.Stop)
            {
                await connectors.StopAsync(id, token).ConfigureAwait(false);
                stateSent = true;
            }
            else if (item.StateChange == ConnectorStateChange.Resume)
            {
                await connectors.ResumeAsync(id, token).ConfigureAwait(false);
                stateSent = true;
            }

            if (stateSent)
            {
                ends = await ReadBackAsync(id, desired, token).ConfigureAwait(false);
            }

            client.Log.Verbose($"Updated connector '{item.Name}' ({id}): {ComparisonText.Summary(item.Changes, item.StateChange)}.");
            return Result(item, ConnectorSyncOutcome.Updated, ends, id);
        }

        /// <summary>The connector after a pause or resume, masked as the file's references require.</summary>
        private async Task<KafkaConnector> ReadBackAsync(string connectorId, DesiredConnector desired, CancellationToken token)
        {
            KafkaConnector read = await connectors.GetAsync(connectorId, includeSecrets: false, token).ConfigureAwait(false);
            foreach (string key in desired.Config.FromReferences)
            {
                if (read.Properties.ContainsKey(key))
                {
                    read.Properties[key] = SecretPropertyRules.Mask;
                }
            }

            return read;
        }

        private KafkaConnectorSyncResult Result(PlannedConnector item, ConnectorSyncOutcome outcome, KafkaConnector? ends, string connectorId) =>
            new KafkaConnectorSyncResult
            {
                Name = item.Name,
                Outcome = outcome,
                Changes = outcome == ConnectorSyncOutcome.Created || outcome == ConnectorSyncOutcome.Updated ? item.Changes : System.Array.Empty<KafkaConnectorPropertyChange>(),
                StateChange = outcome == ConnectorSyncOutcome.Created || outcome == ConnectorSyncOutcome.Updated ? item.StateChange : null,
                Connector = ends,
                Path = item.Desired?.File.Path,
                ConnectorId = connectorId,
                ClusterId = clusterId ?? string.Empty,
            };
    }
}
