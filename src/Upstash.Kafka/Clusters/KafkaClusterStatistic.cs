using System;

namespace Upstash.Kafka
{
    /// <summary>
    /// A cluster's recent throughput and disk usage, its daily produce and consume counts of the last days, and its
    /// totals for the month, from GET /v2/kafka/stats/cluster/{id}.
    /// </summary>
    public sealed class KafkaClusterStatistic : KafkaStatistic
    {
        /// <summary>The cluster asked about (the reply itself does not name it).</summary>
        public string ClusterId { get; set; } = string.Empty;

        /// <summary>The weekday names the daily series cover, as the API gives them.</summary>
        public string[] Days { get; set; } = Array.Empty<string>();

        /// <summary>Messages produced per day.</summary>
        public KafkaStatisticPoint[] DailyProduce { get; set; } = Array.Empty<KafkaStatisticPoint>();

        /// <summary>Messages consumed per day.</summary>
        public KafkaStatisticPoint[] DailyConsume { get; set; } = Array.Empty<KafkaStatisticPoint>();

        public double? TotalMonthlyBilling { get; set; }

        public override string ToString() => "Statistics of cluster " + ClusterId;
    }
}
