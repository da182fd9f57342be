using System;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Get-UpstashKafkaClusterStatistic: a cluster's throughput, disk usage, daily counts and monthly totals (GET /v2/kafka/stats/cluster/{id}).</summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaClusterStatistic")]
    [OutputType(typeof(KafkaClusterStatistic))]
    public sealed class GetUpstashKafkaClusterStatisticCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] ClusterId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string id in ClusterId)
            {
                string clusterId = id.Trim();
                try
                {
                    WriteObject(RunApi((api, pump, token) => new StatisticApi(api).ClusterAsync(clusterId, token)));
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "GetClusterStatistic", clusterId);
                }
            }
        }
    }
}
