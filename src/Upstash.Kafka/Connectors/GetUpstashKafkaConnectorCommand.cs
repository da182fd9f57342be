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
    /// Get-UpstashKafkaConnector: connectors by id, by cluster, by name (wildcards), or every connector. On Upstash
    /// the API has no get-by-name and no cross-cluster list, so names are found by listing and filtering, and "every
    /// connector" lists the clusters first. On Kafka Connect the name is the id: an exact name is read alone, and a
    /// list is one GET /connectors?expand=status&amp;expand=info. Objects are written as they arrive, secrets masked.
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

        internal override bool ServesKafkaConnect => true;

        protected override void ProcessRecord()
        {
            if (CurrentConnection.Kind == ServerKind.KafkaConnect && ParameterSetName != ByIdSet)
            {
                // Kafka Connect has no clusters: a -ClusterId (or a piped cluster) does not narrow anything there.
                if (Name != null && Name.Length > 0 && Name.All(n => !WildcardPattern.ContainsWildcardCharacters(n)))
                {
                    foreach (string name in Name)
                    {
                        GetByName(name.Trim());
                    }

                    return;
                }

                ListAndFilter(null, Name ?? Array.Empty<string>());
                return;
            }

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
                WriteObject(RunApi((api, pump, token) => ConnectorServers.For(api).GetAsync(id, IncludeSecret, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetConnector", id);
            }
        }

        /// <summary>An exact name on Kafka Connect, read alone; a missing one is the same error as an exact -Name that matched nothing on Upstash.</summary>
        private void GetByName(string name)
        {
            try
            {
                WriteObject(RunApi((api, pump, token) => ConnectorServers.For(api).GetAsync(name, IncludeSecret, token)));
            }
            catch (UpstashApiException ex) when (ex.Failure == ApiFailure.NotFound)
            {
                WriteNamesNotFound(new[] { new NamePattern(name) }, "connector", ConnectorServers.Where(CurrentConnection), "ConnectorNameNotFound");
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetConnector", name);
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
                WriteApiError(ex, clusterId == null && CurrentConnection.Kind == ServerKind.Upstash ? "ListClusters" : "ListConnectors", clusterId);
                return;
            }

            // PowerShell's own convention: an exact name that matches nothing is an error, a wildcard that matches nothing is not.
            WriteNamesNotFound(patterns, "connector", where, "ConnectorNameNotFound");
        }

        private string where = string.Empty;

        private async Task<bool> ListAsync(UpstashApiClient api, PipelineThreadPump pump, string? clusterId, List<NamePattern> patterns, CancellationToken token)
        {
            IConnectorServer server = ConnectorServers.For(api);
            where = server.Where(clusterId);
            Action<KafkaConnector> onConnector = connector =>
            {
                if (NamePattern.MatchesAny(patterns, connector.Name))
                {
                    pump.Post(() => WriteObject(connector));
                }
            };

            await server.ListAsync(clusterId, IncludeSecret, onConnector, (clusterId, ex) => pump.Post(() => WriteApiError(ex, "ListConnectors", clusterId)), token).ConfigureAwait(false);
            return true;
        }
    }
}
