using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Reads a cluster reply into a <see cref="KafkaCluster"/>; the password goes into a PSCredential only.</summary>
    internal static class ClusterReader
    {
        private static readonly HashSet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "cluster_id", "name", "region", "type", "multizone", "tcp_endpoint", "rest_endpoint", "state", "username",
            "password", "max_retention_size", "max_retention_time", "max_messages_per_second", "creation_time",
            "max_message_size", "max_partitions",
        };

        /// <param name="secrets">The calling client's redactor: the password read here is masked in everything it writes later.</param>
        /// <exception cref="ReplyShapeException">The value is not a cluster.</exception>
        public static KafkaCluster Read(JToken token, SecretRedactor secrets)
        {
            if (!(token is JObject obj))
            {
                throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a cluster object");
            }

            string? id = JsonFields.String(obj, "cluster_id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ReplyShapeException("the object it returned has no cluster_id, so it is not a cluster");
            }

            string? password = JsonFields.String(obj, "password");
            secrets.Add(password);
            long? retentionMs = JsonNumbers.Long(obj, "max_retention_time");
            return new KafkaCluster
            {
                ClusterId = id!,
                Name = JsonFields.String(obj, "name") ?? string.Empty,
                Region = JsonFields.String(obj, "region"),
                Type = JsonFields.String(obj, "type"),
                Multizone = JsonNumbers.Bool(obj, "multizone") ?? false,
                TcpEndpoint = JsonFields.String(obj, "tcp_endpoint"),
                RestEndpoint = JsonFields.String(obj, "rest_endpoint"),
                State = JsonFields.String(obj, "state"),
                Credential = KafkaLogin.From(JsonFields.String(obj, "username"), password),
                MaxRetentionSize = JsonNumbers.Long(obj, "max_retention_size"),
                MaxRetentionTime = Milliseconds(retentionMs),
                MaxMessagesPerSecond = JsonNumbers.Long(obj, "max_messages_per_second"),
                MaxMessageSize = JsonNumbers.Long(obj, "max_message_size"),
                MaxPartitions = JsonNumbers.Int(obj, "max_partitions"),
                CreationTime = UnixTime.FromSeconds(JsonFields.Seconds(obj, "creation_time")),
                AdditionalFields = UnknownFields.Read(obj, KnownFields, secrets),
            };
        }

        /// <summary>
        /// *(decision)* A negative time (the API's -1, "the highest allowed") becomes Timeout.InfiniteTimeSpan, .NET's own
        /// "no limit"; null would read as "unknown".
        /// </summary>
        internal static TimeSpan? Milliseconds(long? ms) =>
            ms == null ? (TimeSpan?)null
            : ms < 0 ? System.Threading.Timeout.InfiniteTimeSpan
            : ms >= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond ? TimeSpan.MaxValue
            : TimeSpan.FromTicks(ms.Value * TimeSpan.TicksPerMillisecond);
    }
}
