using System;

namespace Upstash.Kafka
{
    /// <summary>What Connect-UpstashKafka -PassThru shows: who and where, never the key.</summary>
    public sealed class UpstashKafkaConnection
    {
        public string Email { get; set; } = string.Empty;

        public Uri? ApiUri { get; set; }

        public TimeSpan Timeout { get; set; }

        public override string ToString() => Email + " at " + ApiUri;
    }
}
