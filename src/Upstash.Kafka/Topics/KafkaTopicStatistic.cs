using System;
using System.Collections.Generic;

namespace Upstash.Kafka
{
    /// <summary>A topic's recent throughput and disk usage, and its totals for the month, from GET /v2/kafka/stats/topic/{id}.</summary>
    public sealed class KafkaTopicStatistic
    {
        /// <summary>The topic asked about (the reply itself does not name it).</summary>
        public string TopicId { get; set; } = string.Empty;

        /// <summary>Messages per second, produced and consumed.</summary>
        public KafkaStatisticPoint[] Throughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public KafkaStatisticPoint[] ProduceThroughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public KafkaStatisticPoint[] ConsumeThroughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        /// <summary>Bytes on disk.</summary>
        public KafkaStatisticPoint[] DiskUsage { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public double? TotalMonthlyStorage { get; set; }

        public double? TotalMonthlyProduce { get; set; }

        public double? TotalMonthlyConsume { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text.</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public override string ToString() => "Statistics of topic " + TopicId;
    }
}
