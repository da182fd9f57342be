using System;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// New-UpstashKafkaTopic: creates one topic per input with POST /v2/kafka/topic. Create is not idempotent, so
    /// after an ambiguous failure the name is looked up before the create is ever sent again.
    /// </summary>
    /// <remarks>
    /// *(decision)* Defaults: 1 partition (Kafka's own), cleanup policy delete, and -1 for retention time, retention
    /// size and largest message: the highest the cluster allows, so a new topic is never capped below its cluster
    /// unless asked to be.
    /// </remarks>
    [Cmdlet(VerbsCommon.New, "UpstashKafkaTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaTopic))]
    public sealed class NewUpstashKafkaTopicCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string ClusterId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int Partitions { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [RetentionTimeTransformation]
        [ValidateRetentionTime]
        public TimeSpan RetentionTime { get; set; } = TopicSettings.Highest;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateTopicSize]
        public long RetentionSize { get; set; } = -1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateTopicSize]
        public long MaxMessageSize { get; set; } = -1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Delete", "Compact", IgnoreCase = true)]
        public string CleanupPolicy { get; set; } = "Delete";

        protected override void ProcessRecord()
        {
            string name = Name.Trim();
            string clusterId = ClusterId.Trim();
            var settings = new TopicSettings(Partitions, TopicSettings.ToMilliseconds(RetentionTime), RetentionSize, MaxMessageSize);
            string policy = CleanupPolicy.ToLowerInvariant();
            if (!ShouldProcess($"topic '{name}' in cluster {clusterId} ({settings}, cleanup policy {policy})", "Create Kafka topic"))
            {
                return;
            }

            try
            {
                WriteObject(RunApi((api, pump, token) => new TopicCreator(api).CreateAsync(name, clusterId, settings, policy, token)));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "NewTopic", name);
            }
        }
    }
}
