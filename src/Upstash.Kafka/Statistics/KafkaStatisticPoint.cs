using System;
using System.Globalization;

namespace Upstash.Kafka
{
    /// <summary>One point of a statistics series: when, and how much (messages per second, bytes, or a daily count).</summary>
    public sealed class KafkaStatisticPoint
    {
        public KafkaStatisticPoint(DateTimeOffset time, double value)
        {
            Time = time;
            Value = value;
        }

        public DateTimeOffset Time { get; }

        public double Value { get; }

        public override string ToString() =>
            Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z " + Value.ToString(CultureInfo.InvariantCulture);
    }
}
