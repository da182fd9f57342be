using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>Reads a topic reply into a <see cref="KafkaTopic"/>: the password goes into a PSCredential and into the redactor, never into text.</summary>
    internal static class TopicReader
    {
        private static readonly HashSet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "topic_id", "topic_name", "cluster_id", "region", "creation_time", "state", "partitions", "multizone",
            "tcp_endpoint", "rest_endpoint", "username", "password", "cleanup_policy", "retention_size",
            "retention_time", "max_message_size",
        };

        /// <param name="redactor">Learns the topic's password, so no later message of this call can show it.</param>
        /// <exception cref="ReplyShapeException">The value is not a topic.</exception>
        public static KafkaTopic Read(JToken token, SecretRedactor redactor)
        {
            if (!(token is JObject obj))
            {
                throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a topic object");
            }

            string? password = JsonFields.String(obj, "password");
            redactor.Add(password);
            string? id = JsonFields.String(obj, "topic_id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ReplyShapeException("the object it returned has no topic_id, so it is not a topic");
            }

            string? username = JsonFields.String(obj, "username");
            long? retentionMs = JsonNumbers.Long(obj, "retention_time");
            return new KafkaTopic
            {
                TopicId = id!,
                Name = JsonFields.String(obj, "topic_name") ?? string.Empty,
                ClusterId = JsonFields.String(obj, "cluster_id") ?? string.Empty,
                Region = JsonFields.String(obj, "region"),
                CreationTime = UnixTime.FromSeconds(JsonFields.Seconds(obj, "creation_time")),
                State = JsonFields.String(obj, "state"),
                Partitions = JsonNumbers.Int(obj, "partitions"),
                Multizone = JsonNumbers.Bool(obj, "multizone"),
                TcpEndpoint = JsonFields.String(obj, "tcp_endpoint"),
                RestEndpoint = JsonFields.String(obj, "rest_endpoint"),
                Username = username,
                Credential = KafkaLogin.From(username, password),
                CleanupPolicy = JsonFields.String(obj, "cleanup_policy"),
                RetentionSize = JsonNumbers.Long(obj, "retention_size"),
                RetentionTime = retentionMs == null ? (TimeSpan?)null : TopicSettings.ToTimeSpan(retentionMs.Value),
                MaxMessageSize = JsonNumbers.Long(obj, "max_message_size"),
                AdditionalFields = UnknownFields.Read(obj, KnownFields, new SecretRedactor().Add(password)),
            };
        }
    }
}
