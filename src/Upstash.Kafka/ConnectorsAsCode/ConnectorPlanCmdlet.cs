using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// The base of Compare- and Sync-UpstashKafkaConnector: both take files or folders and a cluster (on Upstash) or a
    /// Kafka Connect connection, and both need
    /// the whole set before deciding anything (a connector in no file is only "Unmanaged" once every file is known),
    /// so paths are gathered from the pipeline and the plan is made at the end.
    /// </summary>
    public abstract class ConnectorPlanCmdlet : UpstashKafkaCmdlet
    {
        private readonly List<string> paths = new List<string>();

        /// <summary>Connector files (*.json, *.properties) or folders of them; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The Upstash cluster the files are compared with; needed on Upstash. *(decision)* Not mandatory, so a Kafka
        /// Connect connection (whose address is the cluster) needs none; one given there is ignored.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        /// <summary>
        /// Kafka Connect only: sends ${env:...}, ${file:...} and other config-provider references as written, for the
        /// worker to resolve, and compares them as text (the server returns them unresolved).
        /// </summary>
        [Parameter]
        public SwitchParameter KeepReferences { get; set; }

        internal override bool ServesKafkaConnect => true;

        /// <summary>The cluster to list and write to: -ClusterId on Upstash, null on Kafka Connect.</summary>
        internal string? ServerClusterId => CurrentConnection.Kind == ServerKind.Upstash ? ClusterId?.Trim() : null;

        /// <summary>"in cluster 7568..." or "on Kafka Connect at ...", for prompts and messages.</summary>
        internal string Where => ServerClusterId is string clusterId ? "in cluster " + clusterId : "on " + CurrentConnection.Describe();

        protected override void ProcessRecord() => paths.AddRange(Path);

        /// <summary>
        /// Reads, resolves and validates the files, lists the cluster (secrets in clear, kept from every output) and
        /// decides what to do; null when the cluster cannot be listed (the error is written).
        /// </summary>
        internal List<PlannedConnector>? MakePlan(out DesiredConnectors desired)
        {
            if (CurrentConnection.Kind == ServerKind.Upstash && string.IsNullOrWhiteSpace(ClusterId))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("On Upstash the files are compared with a cluster: give -ClusterId (Get-UpstashKafkaCluster lists them)."),
                    "MissingClusterId",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (KeepReferences && CurrentConnection.Kind == ServerKind.Upstash)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-KeepReferences needs Kafka Connect, whose workers resolve config-provider references; Upstash has none and would store the reference text. Leave it out to resolve ${env:...} here."),
                    "KeepReferencesNeedsKafkaConnect",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            desired = DesiredConnectors.Load(this, ConnectorFilePaths.Resolve(this, paths), Environment.GetEnvironmentVariable, KeepReferences, CurrentConnection.Kind == ServerKind.KafkaConnect);
            if (CurrentConnection.Kind == ServerKind.Upstash)
            {
                RefuseStopped(desired);
            }

            foreach (DesiredConnector connector in desired.Connectors)
            {
                RememberSecrets(connector.Config.FromReferences, ConnectorConfigDiff.SecretValues(connector.Config));
            }

            List<CurrentConnector> current;
            try
            {
                current = RunApi((api, pump, token) => ListAsync(api, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "ListConnectors", ServerClusterId);
                return null;
            }

            foreach (CurrentConnector connector in current)
            {
                RememberSecrets(Array.Empty<string>(), SecretPropertyRules.SecretValues(connector.Clear.Properties));
            }

            List<PlannedConnector> plan = ConnectorSyncPlanner.Plan(desired, current, out List<string> ambiguous);
            foreach (string name in ambiguous)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"Cluster {ClusterId} has more than one connector named '{name}', so which one its file describes cannot be known; it was left alone. Remove the extra one (Get-UpstashKafkaConnector -ClusterId {ClusterId} -Name '{name}' shows them) and run this again."),
                    "AmbiguousConnectorName",
                    ErrorCategory.InvalidData,
                    name));
            }

            return plan;
        }

        /// <summary>A file asking for STOPPED, on Upstash (which has no stopped state): an error naming it, and its connector left alone.</summary>
        private void RefuseStopped(DesiredConnectors desired)
        {
            foreach (DesiredConnector stopped in desired.Connectors.Where(c => c.File.InitialState == ConnectorInitialState.Stopped).ToList())
            {
                desired.Connectors.Remove(stopped);
                desired.RefusedNames.Add(stopped.Name);
                WriteError(new ErrorRecord(
                    new ArgumentException($"Connector {stopped.File} asks for initial_state STOPPED, which Upstash connectors do not have, so it was left alone. Use PAUSED, or sync it to Kafka Connect."),
                    "StoppedNotOnUpstash",
                    ErrorCategory.InvalidData,
                    stopped.File.Path));
            }
        }

        private async Task<List<CurrentConnector>> ListAsync(UpstashApiClient api, System.Threading.CancellationToken token)
        {
            var current = new List<CurrentConnector>();
            await ConnectorServers.For(api).ListAsync(ServerClusterId, (clear, masked) => current.Add(new CurrentConnector(clear, masked)), token).ConfigureAwait(false);
            return current;
        }
    }
}
