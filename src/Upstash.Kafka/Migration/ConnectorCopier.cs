using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Cmdlets;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Copies one connector from its source server to a destination, safely repeatable: the configuration is read in
    /// clear from the source (the piped object is masked), a connector of the same name on the destination with the
    /// same configuration is left alone, a different one is replaced only when asked, and a create goes through the
    /// destination's create recovery, so a lost reply or a rerun never makes a second one. Runs on a pool thread,
    /// several at once: it writes nothing itself and returns what was done.
    /// </summary>
    internal sealed class ConnectorCopier
    {
        private readonly UpstashApiClient destinationClient;
        private readonly IConnectorServer destination;
        private readonly string? clusterId;
        private readonly ConnectorInitialState? initialState;
        private readonly bool force;

        /// <param name="clusterId">The destination's Upstash cluster; null on Kafka Connect.</param>
        /// <param name="initialState">The state every copy ends in; null keeps each source connector's state.</param>
        public ConnectorCopier(UpstashApiClient destinationClient, string? clusterId, ConnectorInitialState? initialState, bool force)
        {
            this.destinationClient = destinationClient;
            destination = ConnectorServers.For(destinationClient);
            this.clusterId = clusterId;
            this.initialState = initialState;
            this.force = force;
        }

        /// <exception cref="UpstashApiException">A call failed; what was done before it stays done (a rerun finishes it).</exception>
        public async Task<KafkaConnectorCopyResult> CopyAsync(UpstashApiClient sourceClient, string connectorId, CancellationToken token)
        {
            KafkaConnector clear = await ConnectorServers.For(sourceClient).GetAsync(connectorId, includeSecrets: true, token).ConfigureAwait(false);
            IEnumerable<string> secrets = SecretPropertyRules.SecretValues(clear.Properties);
            sourceClient.Redactor.AddRange(secrets);
            destinationClient.Redactor.AddRange(secrets);
            ConnectorInitialState wanted = initialState ?? StateOf(clear);
            Dictionary<string, string> masked = SecretPropertyRules.Masked(clear.Properties);

            KafkaConnector? existing = await destination.FindAsync(clear.Name, clusterId, token).ConfigureAwait(false);
            if (existing == null)
            {
                // The create's own reply is the result: reading it back would cost two more calls per connector.
                var creation = new ConnectorCreation(clear.Name, clusterId, clear.Properties, masked) { InitialState = wanted };
                KafkaConnector created = await destination.CreateAsync(creation, token).ConfigureAwait(false);
                Say("Created", clear, sourceClient);
                return Result(clear, sourceClient, ConnectorCopyOutcome.Created, created);
            }

            bool same = ConnectorConfigurationChange.SameConfigurationApartFromName(existing.Properties, clear.Properties);
            if (!same && !force)
            {
                throw new UpstashApiException(
                    ApiFailure.Conflict,
                    $"Connector '{clear.Name}' was not copied: {destinationClient.Connection.Describe()} already has a connector of that name with another configuration. " +
                    "Compare them, then copy again with -Force to replace it.");
            }

            if (!same)
            {
                await destination.ReconfigureAsync(existing.ConnectorId, clear.Properties, masked, token).ConfigureAwait(false);
            }

            bool stateSent = await MatchStateAsync(existing.ConnectorId, existing, wanted, token).ConfigureAwait(false);
            if (same && !stateSent)
            {
                destinationClient.Log.Verbose($"Connector '{clear.Name}' is already on {destinationClient.Connection.Describe()} with this configuration; nothing was sent.");
                return Result(clear, sourceClient, ConnectorCopyOutcome.Unchanged, Masked(existing));
            }

            KafkaConnector ends = await destination.GetAsync(existing.ConnectorId, includeSecrets: false, token).ConfigureAwait(false);
            Say("Updated", clear, sourceClient);
            return Result(clear, sourceClient, ConnectorCopyOutcome.Updated, ends);
        }

        /// <summary>
        /// A connector read in clear, as it may be shown: properties masked, and the secret values (the same as the
        /// source's, since the configuration is) redacted from its failure message, traces and unknown fields.
        /// </summary>
        private KafkaConnector Masked(KafkaConnector connector)
        {
            SecretRedactor redactor = destinationClient.Redactor;
            connector.Properties = new ConnectorProperties(SecretPropertyRules.Masked(connector.Properties));
            connector.SecretsMasked = true;
            EchoedSecrets.HideIn(connector, redactor);
            foreach (string key in connector.AdditionalFields.Keys.ToList())
            {
                connector.AdditionalFields[key] = redactor.Redact(connector.AdditionalFields[key]);
            }

            return connector;
        }

        private void Say(string done, KafkaConnector connector, UpstashApiClient sourceClient) =>
            destinationClient.Log.Verbose($"{done} connector '{connector.Name}' on {destinationClient.Connection.Describe()} from {sourceClient.Connection.Describe()}.");

        /// <summary>*(decision)* A source that is paused arrives paused, a stopped one stopped; anything else (failed included) arrives running.</summary>
        private static ConnectorInitialState StateOf(KafkaConnector connector) =>
            ConnectorHealth.IsPaused(connector) ? ConnectorInitialState.Paused
            : ConnectorHealth.Reached(connector, ConnectorGoal.Stopped) ? ConnectorInitialState.Stopped
            : ConnectorInitialState.Running;

        /// <summary>Pauses, stops or resumes an existing connector that is not in the wanted state; true when something was sent.</summary>
        private async Task<bool> MatchStateAsync(string id, KafkaConnector existing, ConnectorInitialState wanted, CancellationToken token)
        {
            if (StateOf(existing) == wanted)
            {
                return false;
            }

            if (string.Equals(existing.State, "pending", StringComparison.Ordinal))
            {
                // *(decision)* Not assigned to a worker yet (UNASSIGNED), so its state says nothing about the state it
                // was created in (a connector created PAUSED shows UNASSIGNED first): leave it, and say so.
                destinationClient.Log.Verbose($"Connector '{existing.Name}' is not assigned to a worker yet, so whether it is {wanted.ToString().ToLowerInvariant()} cannot be seen; its state was left alone. Run the copy again later to check it.");
                return false;
            }

            switch (wanted)
            {
                case ConnectorInitialState.Paused:
                    await destination.PauseAsync(id, token).ConfigureAwait(false);
                    break;
                case ConnectorInitialState.Stopped:
                    await destination.StopAsync(id, token).ConfigureAwait(false);
                    break;
                default:
                    await destination.ResumeAsync(id, token).ConfigureAwait(false);
                    break;
            }

            return true;
        }

        private KafkaConnectorCopyResult Result(KafkaConnector source, UpstashApiClient sourceClient, ConnectorCopyOutcome outcome, KafkaConnector ends) =>
            new KafkaConnectorCopyResult
            {
                Name = source.Name,
                Outcome = outcome,
                Connector = ends,
                Source = sourceClient.Connection.Public,
                Destination = destinationClient.Connection.Public,
            };
    }
}
