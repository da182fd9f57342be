using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// New-UpstashKafkaCluster: POST /v2/kafka/cluster, exactly once even over a flaky network (after an ambiguous
    /// failure the account's clusters are searched for the name before anything is sent again).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "UpstashKafkaCluster", SupportsShouldProcess = true)]
    [OutputType(typeof(KafkaCluster))]
    public sealed class NewUpstashKafkaClusterCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = string.Empty;

        /// <summary>eu-west-1 or us-east-1 (completed); the server judges any other.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Region { get; set; } = string.Empty;

        /// <summary>Replicates the cluster across availability zones (a paid cluster).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Multizone { get; set; }

        protected override void ProcessRecord()
        {
            string name = Name.Trim();
            string region = Region.Trim();
            if (!ShouldProcess($"cluster '{name}' in {region}{(Multizone ? ", multizone" : string.Empty)}", "Create Kafka cluster"))
            {
                return;
            }

            try
            {
                WriteObject(RunApi((api, pump, token) => CreateAsync(api, name, region, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "NewCluster", name);
            }
        }

        private Task<KafkaCluster> CreateAsync(UpstashApiClient api, string name, string region, CancellationToken token)
        {
            var clusters = new ClusterApi(api);
            bool multizone = Multizone;
            // *(decision)* Cluster names are unique per account in Upstash's console; the look-up searches them all.
            var recovery = new CreateRecovery<KafkaCluster>(api, "cluster", name, "the account", $"Get-UpstashKafkaCluster -Name '{name}'");
            return recovery.CreateAsync(
                t => clusters.CreateAsync(name, region, multizone, t),
                t => FindAsync(clusters, name, t),
                (found, firstSent) =>
                    CreateRecovery<KafkaCluster>.CreatedSince(found.CreationTime, firstSent) && (found.Region == null || string.Equals(found.Region, region, StringComparison.OrdinalIgnoreCase))
                        ? null
                        : $"created {found.CreationTime:u}, region {found.Region}",
                found => found,
                token);
        }

        private static async Task<KafkaCluster?> FindAsync(ClusterApi clusters, string name, CancellationToken token)
        {
            KafkaCluster? found = null;
            await clusters.ListClustersAsync(c => found = string.Equals(c.Name, name, StringComparison.Ordinal) ? c : found, token).ConfigureAwait(false);
            return found;
        }
    }
}
