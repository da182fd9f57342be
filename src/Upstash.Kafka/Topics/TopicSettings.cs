using System;
using System.Globalization;
using System.Threading;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The four values a topic create or reconfigure sends besides its name: partitions, retention time (the API's
    /// milliseconds), retention size and largest message (bytes). -1 in the three limits means the highest the
    /// cluster allows.
    /// </summary>
    internal sealed class TopicSettings
    {
        /// <summary>What -1 reads as when it is a TimeSpan: exactly one negative millisecond.</summary>
        public static readonly TimeSpan Highest = Timeout.InfiniteTimeSpan;

        public TopicSettings(int partitions, long retentionTimeMs, long retentionSize, long maxMessageSize)
        {
            Partitions = partitions;
            RetentionTimeMs = retentionTimeMs;
            RetentionSize = retentionSize;
            MaxMessageSize = maxMessageSize;
        }

        public int Partitions { get; }

        public long RetentionTimeMs { get; }

        public long RetentionSize { get; }

        public long MaxMessageSize { get; }

        /// <summary>A TimeSpan as the API's milliseconds: -1 for <see cref="Highest"/>, whole milliseconds otherwise (finer parts are cut).</summary>
        public static long ToMilliseconds(TimeSpan time) => time == Highest ? -1 : (long)Math.Floor(time.TotalMilliseconds);

        /// <summary>
        /// The API's milliseconds as a TimeSpan. *(decision)* -1 (unlimited, should a server ever return it) reads as
        /// <see cref="Highest"/>, which is exactly -1 ms, so it round-trips; values past TimeSpan's range are clamped.
        /// </summary>
        public static TimeSpan ToTimeSpan(long milliseconds)
        {
            if (milliseconds >= (long)TimeSpan.MaxValue.TotalMilliseconds)
            {
                return TimeSpan.MaxValue;
            }

            return milliseconds <= (long)TimeSpan.MinValue.TotalMilliseconds ? TimeSpan.MinValue : TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        }

        public bool SameAs(TopicSettings other) =>
            Partitions == other.Partitions && RetentionTimeMs == other.RetentionTimeMs && RetentionSize == other.RetentionSize && MaxMessageSize == other.MaxMessageSize;

        /// <summary>"partitions 3, retention time 7.00:00:00, retention size 1073741824 bytes, max message size 1048576 bytes".</summary>
        public override string ToString() =>
            $"partitions {Partitions}, retention time {Describe(RetentionTimeMs, ToTimeSpan(RetentionTimeMs).ToString())}, " +
            $"retention size {Describe(RetentionSize, RetentionSize.ToString(CultureInfo.InvariantCulture) + " bytes")}, " +
            $"max message size {Describe(MaxMessageSize, MaxMessageSize.ToString(CultureInfo.InvariantCulture) + " bytes")}";

        private static string Describe(long value, string text) => value == -1 ? "the cluster's highest" : text;
    }
}
