using System;
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
    /// Get-UpstashKafkaConnector: connectors by id, by cluster, by name (wildcards), or every connector of every
    /// cluster. The API has no get-by-name and no cross-cluster list, so names are found by listing and filtering,
    /// and "every connector" lists the clusters first. Objects are written as they arrive, secrets masked.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaConnector", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class GetUpstashKafkaConnectorCommand : UpstashKafkaCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ConnectorIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] ConnectorId { get; set; } = Array.Empty<string>();

        /// <summary>Names to find; wildcards allowed. Without -ClusterId every cluster is searched.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>The cluster to list; without it, every cluster of the account.</summary>
        [Parameter(ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? ClusterId { get; set; }

        /// <summary>Returns secret property values in clear. Without it they read "********".</summary>
        [Parameter]
        public SwitchParameter IncludeSecret { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (string id in ConnectorId)
                {
                    GetById(id.Trim());
                }

                return;
            }

            ListAndFilter();
        }

        private void GetById(string id)
        {
            try
            {
                WriteObject(RunApi((api, pump, token) => new ConnectorApi(api).GetAsync(id, IncludeSecret, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetConnector", id);
            }
        }

        private void ListAndFilter()
        {
            var patterns = (Name ?? Array.Empty<string>())
                .Select(n => new NamePattern(n))
                .ToList();
            try
            {
                RunApi((api, pump, token) => ListAsync(api, pump, patterns, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, ClusterId == null ? "ListClusters" : "ListConnectors", ClusterId);
                return;
            }

            // PowerShell's own convention: an exact name that matches nothing is an error, a wildcard that matches nothing is not.
            foreach (NamePattern missing in patterns.Where(p => !p.HasWildcards && !p.Matched))
            {
                string where = ClusterId == null ? "in any cluster" : "in cluster " + ClusterId;
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No connector named '{missing.Text}' was found {where}."),
                    "ConnectorNameNotFound",
                    ErrorCategory.ObjectNotFound,
                    missing.Text));
            }
        }

        private async Task<bool> ListAsync(UpstashApiClient api, PipelineThreadPump pump, List<NamePattern> patterns, CancellationToken token)
        {
            var connectors = new ConnectorApi(api);
            Action<KafkaConnector> onConnector = connector =>
            {
                if (patterns.Count == 0 || NamePattern.MatchesAny(patterns, connector.Name))
                {
                    pump.Post(() => WriteObject(connector));
                }
            };

            await EveryCluster.ListAsync(
                api,
                ClusterId,
                clusterId => connectors.ListAsync(clusterId, IncludeSecret, onConnector, token),
                (clusterId, ex) => pump.Post(() => WriteApiError(ex, "ListConnectors", clusterId)),
                token).ConfigureAwait(false);
            return true;
        }
    }
}
