using System;

namespace Upstash.Kafka
{
    internal static class UnixTime
    {
        /// <summary>Unix seconds to a date; 0 (the API's "never") is null.</summary>
        public static DateTimeOffset? FromSeconds(long seconds) =>
            seconds <= 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
