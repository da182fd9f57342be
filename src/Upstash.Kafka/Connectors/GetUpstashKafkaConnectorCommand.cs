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
        private const string ByClusterSet = "ByCluster";

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

        /// <summary>
        /// Clusters from Get-UpstashKafkaCluster, piped: each one's connectors are listed. A set of its own, bound by
        /// value, because a cluster also has a Name: bound by property name it would filter the connectors by the
        /// cluster's name and find none.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByClusterSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public KafkaCluster[] Cluster { get; set; } = Array.Empty<KafkaCluster>();

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

            if (ParameterSetName == ByClusterSet)
            {
                foreach (KafkaCluster cluster in Cluster.Where(c => c != null))
                {
                    ListAndFilter(cluster.ClusterId, Array.Empty<string>());
                }

                return;
            }

            ListAndFilter(ClusterId, Name ?? Array.Empty<string>());
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

        private void ListAndFilter(string? clusterId, string[] names)
        {
            var patterns = names
                .Select(n => new NamePattern(n))
                .ToList();
            try
            {
                RunApi((api, pump, token) => ListAsync(api, pump, clusterId, patterns, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, clusterId == null ? "ListClusters" : "ListConnectors", clusterId);
                return;
            }

            // PowerShell's own convention: an exact name that matches nothing is an error, a wildcard that matches nothing is not.
            string where = clusterId == null ? "in any cluster" : "in cluster " + clusterId;
            WriteNamesNotFound(patterns, "connector", where, "ConnectorNameNotFound");
        }

        private async Task<bool> ListAsync(UpstashApiClient api, PipelineThreadPump pump, string? clusterId, List<NamePattern> patterns, CancellationToken token)
        {
            var connectors = new ConnectorApi(api);
            Action<KafkaConnector> onConnector = connector =>
            {
                if (NamePattern.MatchesAny(patterns, connector.Name))
                {
                    pump.Post(() => WriteObject(connector));
                }
            };

            await EveryCluster.ListAsync(
                api,
                clusterId,
                clusterId => connectors.ListAsync(clusterId, IncludeSecret, onConnector, token),
                (clusterId, ex) => pump.Post(() => WriteApiError(ex, "ListConnectors", clusterId)),
                token).ConfigureAwait(false);
            return true;
        }
    }
}
