using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Set-UpstashKafkaConnector: changes a connector's configuration. It reads the current configuration (secrets in
    /// clear, never shown), applies -Property / -RemoveProperty / -Replace, and sends the complete resulting map
    /// (Upstash: POST /v2/kafka/update-connector/{id}; Kafka Connect: PUT /connectors/{name}/config). *(decision, from
    /// the contract)* The whole map is always sent, connector.class included, and nothing at all when it is unchanged:
    /// an unchanged PUT still rewrites Kafka Connect's config topic and restarts the connector. A masked value
    /// ("********") is never sent back.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = MergeSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class SetUpstashKafkaConnectorCommand : UpstashKafkaCmdlet
    {
        private const string MergeSet = "Merge";
        private const string ReplaceSet = "Replace";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ConnectorIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ConnectorId { get; set; } = string.Empty;

        /// <summary>
        /// Properties to set. *(decision)* Not bound from the pipeline: a piped connector's Properties are masked, and
        /// binding them silently would turn "Get | Set -RemoveProperty x" into a refused masked-value change.
        /// </summary>
        [Parameter(Position = 1, ParameterSetName = MergeSet)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReplaceSet)]
        [Alias("Properties")]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>Property names to remove from the configuration.</summary>
        [Parameter(ParameterSetName = MergeSet)]
        [ValidateNotNullOrEmpty]
        public string[] RemoveProperty { get; set; } = Array.Empty<string>();

        /// <summary>Makes -Property the whole configuration (connector.class is kept when -Property has none).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ReplaceSet)]
        public SwitchParameter Replace { get; set; }

        /// <summary>Writes the reconfigured connector.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until the connector runs again with its new configuration (writing it) or fails (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override bool ServesKafkaConnect => true;

        protected override void ProcessRecord()
        {
            string connectorId = ConnectorId.Trim();
            ConnectorConfigurationChange? change = ReadChange(connectorId);
            if (change == null || !ShouldProcess("connector " + connectorId, change.Describe()))
            {
                return;
            }

            if (change.Set != null)
            {
                // So -Wait and -PassThru mask a SecureString value under a plain-looking key in what they read back.
                RememberSecrets(change.Set.GivenAsSecret, change.Set.SecretValues());
            }

            KafkaConnector? updated;
            try
            {
                updated = RunApi((api, pump, token) => ReconfigureAsync(api, pump, connectorId, change, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "SetConnector", connectorId);
                return;
            }

            if (Wait)
            {
                new ConnectorWaiter(this).WriteWhenReached(updated.ConnectorId, Timeout);
            }
            else if (PassThru)
            {
                WriteObject(updated);
            }
        }

        /// <summary>Checks the parameters before anything is sent; writes the error and returns null when they cannot work.</summary>
        private ConnectorConfigurationChange? ReadChange(string connectorId)
        {
            ConnectorPropertyValues? values = null;
            try
            {
                values = Property == null ? null : ConnectorPropertyValues.From(Property);
            }
            catch (ArgumentException ex)
            {
                WriteInputError($"Connector {connectorId} was not changed: {ex.Message}", "InvalidPropertyValue", connectorId);
                return null;
            }

            var change = new ConnectorConfigurationChange(values, RemoveProperty.Select(k => k.Trim()).ToList(), Replace);
            string[] masked = change.MaskedKeys().ToArray();
            if (masked.Length > 0)
            {
                WriteInputError($"Connector {connectorId} was not changed: " + ConnectorPropertyValues.MaskedValuesMessage(masked), "MaskedPropertyValue", connectorId);
                return null;
            }

            if (change.IsEmpty)
            {
                WriteInputError($"Connector {connectorId} was not changed: give -Property, -RemoveProperty, or -Property with -Replace.", "NoPropertyChange", connectorId);
                return null;
            }

            if (change.Remove.Contains(ConnectorConfigurationChange.ConnectorClassKey, StringComparer.Ordinal))
            {
                WriteInputError($"Connector {connectorId} was not changed: connector.class cannot be removed; every connector needs one.", "ConnectorClassRequired", connectorId);
                return null;
            }

            return change;
        }

        private static async Task<KafkaConnector> ReconfigureAsync(UpstashApiClient api, PipelineThreadPump pump, string connectorId, ConnectorConfigurationChange change, CancellationToken token)
        {
            IConnectorServer connectors = ConnectorServers.For(api);
            KafkaConnector current = await connectors.GetAsync(connectorId, includeSecrets: true, token).ConfigureAwait(false);
            api.Redactor.AddRange(SecretPropertyRules.SecretValues(current.Properties));
            if (change.Set != null)
            {
                api.Redactor.AddRange(change.Set.SecretValues());
            }

            foreach (string key in change.Remove.Where(k => !current.Properties.ContainsKey(k)))
            {
                pump.Verbose($"Connector '{current.Name}' has no property '{key}'; nothing to remove.");
            }

            Dictionary<string, string> result = change.ApplyTo(current.Properties);
            Dictionary<string, string> masked = change.Masked(result);
            if (ConnectorConfigurationChange.SameConfiguration(result, current.Properties))
            {
                // Posting an unchanged configuration would still make the service validate and redeploy it.
                pump.Verbose($"Connector '{current.Name}' already has this configuration; nothing was sent.");
                current.Properties = new ConnectorProperties(masked);
                current.SecretsMasked = true;
                return EchoedSecrets.HideIn(current, api.Redactor);
            }

            KafkaConnector updated = await connectors.ReconfigureAsync(connectorId, result, masked, token).ConfigureAwait(false);
            pump.Verbose(updated.State == null
                ? $"Reconfigured connector '{updated.Name}' with {result.Count} properties; the server restarts it with them."
                : $"Reconfigured connector '{updated.Name}' with {result.Count} properties; it is {updated.State} until the service has validated them.");
            return updated;
        }
    }
}
