using System;
using System.Collections.Generic;

namespace Upstash.Kafka
{
    /// <summary>
    /// A cluster's recent throughput and disk usage, its daily produce and consume counts of the last days, and its
    /// totals for the month, from GET /v2/kafka/stats/cluster/{id}.
    /// </summary>
    public sealed class KafkaClusterStatistic
    {
        /// <summary>The cluster asked about (the reply itself does not name it).</summary>
        public string ClusterId { get; set; } = string.Empty;

        /// <summary>Messages per second, produced and consumed.</summary>
        public KafkaStatisticPoint[] Throughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public KafkaStatisticPoint[] ProduceThroughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public KafkaStatisticPoint[] ConsumeThroughput { get; set; } = Array.Empty<KafkaStatisticPoint>();

        /// <summary>Bytes on disk.</summary>
        public KafkaStatisticPoint[] DiskUsage { get; set; } = Array.Empty<KafkaStatisticPoint>();

        /// <summary>The weekday names the daily series cover, as the API gives them.</summary>
        public string[] Days { get; set; } = Array.Empty<string>();

        /// <summary>Messages produced per day.</summary>
        public KafkaStatisticPoint[] DailyProduce { get; set; } = Array.Empty<KafkaStatisticPoint>();

        /// <summary>Messages consumed per day.</summary>
        public KafkaStatisticPoint[] DailyConsume { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public double? TotalMonthlyStorage { get; set; }

        public double? TotalMonthlyBilling { get; set; }

        public double? TotalMonthlyProduce { get; set; }

        public double? TotalMonthlyConsume { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text.</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public override string ToString() => "Statistics of cluster " + ClusterId;
    }
}
