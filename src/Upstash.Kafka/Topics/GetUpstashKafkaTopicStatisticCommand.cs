using System;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Get-UpstashKafkaTopicStatistic: a topic's throughput, disk usage and monthly totals (GET /v2/kafka/stats/topic/{id}).</summary>
    [Cmdlet(VerbsCommon.Get, "UpstashKafkaTopicStatistic")]
    [OutputType(typeof(KafkaTopicStatistic))]
    public sealed class GetUpstashKafkaTopicStatisticCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(TopicIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] TopicId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string id in TopicId)
            {
                string topicId = id.Trim();
                try
                {
                    WriteObject(RunApi((api, pump, token) => new StatisticApi(api).TopicAsync(topicId, token)));
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, "GetTopicStatistic", topicId);
                }
            }
        }
    }
}
