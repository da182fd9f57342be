using System;
using System.Collections.Generic;

namespace Upstash.Kafka
{
    /// <summary>What cluster and topic statistics share: recent series of typed points, and the month's totals.</summary>
    public abstract class KafkaStatistic
    {
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
    }
}
