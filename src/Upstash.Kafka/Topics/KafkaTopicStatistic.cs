namespace Upstash.Kafka
{
    /// <summary>A topic's recent throughput and disk usage, and its totals for the month, from GET /v2/kafka/stats/topic/{id}.</summary>
    public sealed class KafkaTopicStatistic : KafkaStatistic
    {
        /// <summary>The topic asked about (the reply itself does not name it).</summary>
        public string TopicId { get; set; } = string.Empty;

        public override string ToString() => "Statistics of topic " + TopicId;
    }
}
