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
    /// Get-UpstashKafkaCluster: clusters by id, or by name (wildcards), or every cluster of the account. The API has no
    /// get-by-name, so names are found by listing and filtering. Objects are written as they arrive.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaCluster", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KafkaCluster))]
    public sealed class GetUpstashKafkaClusterCommand : UpstashKafkaCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        /// <summary>
        /// Declared before -Name on purpose: a piped connector, topic or credential carries both ClusterId and Name,
        /// and PowerShell binds in declaration order, so its cluster is read instead of a cluster named like it.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] ClusterId { get; set; } = Array.Empty<string>();

        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (string id in ClusterId)
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
                WriteObject(RunApi((api, pump, token) => new ClusterApi(api).GetAsync(id, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetCluster", id);
            }
        }

        private void ListAndFilter()
        {
            List<NamePattern> patterns = (Name ?? Array.Empty<string>()).Select(n => new NamePattern(n)).ToList();
            try
            {
                RunApi(async (api, pump, token) =>
                {
                    await new ClusterApi(api).ListClustersAsync(
                        cluster =>
                        {
                            if (NamePattern.MatchesAny(patterns, cluster.Name))
                            {
                                pump.Post(() => WriteObject(cluster));
                            }
                        },
                        token).ConfigureAwait(false);
                    return true;
                });
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "ListClusters", null);
                return;
            }

            WriteNamesNotFound(patterns, "cluster", "in the account", "ClusterNameNotFound");
        }
    }
}
