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
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaCluster")]
    [OutputType(typeof(KafkaCluster))]
    public sealed class GetUpstashKafkaClusterCommand : UpstashKafkaCmdlet
    {
        private bool nameFromCommandLine;

        /// <summary>
        /// *(decision)* Ids select, and win over a Name that came down the pipeline: a piped connector, topic or
        /// credential carries both its cluster's ClusterId and a Name of its own, and must find its cluster rather
        /// than a cluster named like it. A -Name typed on the command line still narrows what the ids found.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[]? ClusterId { get; set; }

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void BeginProcessing()
        {
            nameFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Name));
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ClusterId == null)
            {
                ListAndFilter();
                return;
            }

            List<NamePattern> patterns = nameFromCommandLine ? Patterns() : new List<NamePattern>();
            foreach (string id in ClusterId)
            {
                GetById(id.Trim(), patterns);
            }

            WriteNamesNotFound(patterns, "cluster", "among the clusters with the given ids", "ClusterNameNotFound");
        }

        private List<NamePattern> Patterns() => (Name ?? Array.Empty<string>()).Select(n => new NamePattern(n)).ToList();

        private void GetById(string id, List<NamePattern> patterns)
        {
            try
            {
                KafkaCluster cluster = RunApi((api, pump, token) => new ClusterApi(api).GetAsync(id, token));
                if (NamePattern.MatchesAny(patterns, cluster.Name))
                {
                    WriteObject(cluster);
                }
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "GetCluster", id);
            }
        }

        private void ListAndFilter()
        {
            List<NamePattern> patterns = Patterns();
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
