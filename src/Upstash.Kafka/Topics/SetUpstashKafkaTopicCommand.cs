using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Set-UpstashKafkaTopic: reads the topic, fills what was not given, and posts all four values to
    /// POST /v2/kafka/update-topic/{id}. Fewer partitions than now is refused before anything is sent; nothing to
    /// change posts nothing. Name, cleanup policy and cluster cannot change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "UpstashKafkaTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaTopic))]
    public sealed class SetUpstashKafkaTopicCommand : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(TopicIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string TopicId { get; set; } = string.Empty;

        /// <summary>
        /// *(decision)* The settings are not bound from the pipeline: a piped topic's own values, read earlier, would
        /// silently be posted back over a change made since.
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Partitions { get; set; }

        [Parameter]
        [RetentionTimeTransformation]
        [ValidateRetentionTime]
        public TimeSpan? RetentionTime { get; set; }

        [Parameter]
        [ValidateTopicSize]
        public long? RetentionSize { get; set; }

        [Parameter]
        [ValidateTopicSize]
        public long? MaxMessageSize { get; set; }

        /// <summary>Writes the topic as it is afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string topicId = TopicId.Trim();
            var change = new TopicChange(Partitions, RetentionTime, RetentionSize, MaxMessageSize);
            // *(decision)* Like Set-UpstashKafkaConnector: no setting at all is a mistake worth saying, not a silent no-op.
            if (change.IsEmpty)
            {
                WriteInputError($"Topic {topicId} was not changed: give -Partitions, -RetentionTime, -RetentionSize or -MaxMessageSize.", "NoTopicChange", topicId);
                return;
            }

            if (!ShouldProcess("topic " + topicId, "Reconfigure Kafka topic: " + change.Describe()))
            {
                return;
            }

            KafkaTopic topic;
            try
            {
                topic = RunApi((api, pump, token) => ReconfigureAsync(api, pump, topicId, change, token));
            }
            catch (UpstashApiException ex)
            {
                WriteApiError(ex, "SetTopic", topicId);
                return;
            }
            catch (TopicChangeRefusedException ex)
            {
                WriteInputError(ex.Message, ex.ErrorId, topicId);
                return;
            }

            if (PassThru)
            {
                WriteObject(topic);
            }
        }

        private static async Task<KafkaTopic> ReconfigureAsync(UpstashApiClient api, PipelineThreadPump pump, string topicId, TopicChange change, CancellationToken token)
        {
            var topics = new TopicApi(api);
            KafkaTopic current = await topics.GetAsync(topicId, token).ConfigureAwait(false);
            ClusterLimits? limits = change.NeedsClusterLimits ? await topics.ClusterLimitsAsync(current.ClusterId, token).ConfigureAwait(false) : null;
            TopicSettings wanted = change.ApplyTo(current, limits);
            if (CurrentSettings(current) is TopicSettings now && now.SameAs(wanted))
            {
                pump.Verbose($"Topic '{current.Name}' already has {wanted}; nothing was sent.");
                return current;
            }

            KafkaTopic updated = await topics.ReconfigureAsync(topicId, wanted, token).ConfigureAwait(false);
            pump.Verbose($"Reconfigured topic '{updated.Name}': {wanted}.");
            return updated;
        }

        private static TopicSettings? CurrentSettings(KafkaTopic topic) =>
            topic.Partitions is int partitions && topic.RetentionTime is TimeSpan time && topic.RetentionSize is long size && topic.MaxMessageSize is long message
                ? new TopicSettings(partitions, TopicSettings.ToMilliseconds(time), size, message)
                : null;
    }
}
