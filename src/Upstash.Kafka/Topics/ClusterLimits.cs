using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>What -1 stands for when a topic is reconfigured: the cluster's highest retention time, retention size and message size.</summary>
    internal sealed class ClusterLimits
    {
        private ClusterLimits(string clusterName, long? maxRetentionTimeMs, long? maxRetentionSize, long? maxMessageSize)
        {
            ClusterName = clusterName;
            MaxRetentionTimeMs = maxRetentionTimeMs;
            MaxRetentionSize = maxRetentionSize;
            MaxMessageSize = maxMessageSize;
        }

        public string ClusterName { get; }

        public long? MaxRetentionTimeMs { get; }

        public long? MaxRetentionSize { get; }

        public long? MaxMessageSize { get; }

        public static ClusterLimits Read(JToken token)
        {
            if (!(token is JObject obj))
            {
                throw new ReplyShapeException("its body is " + JsonFields.Describe(token.Type) + ", not a cluster object");
            }

            return new ClusterLimits(
                JsonFields.String(obj, "name") ?? string.Empty,
                JsonNumbers.Long(obj, "max_retention_time"),
                JsonNumbers.Long(obj, "max_retention_size"),
                JsonNumbers.Long(obj, "max_message_size"));
        }
    }
}
