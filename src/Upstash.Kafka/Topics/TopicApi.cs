using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>The topic endpoints of the Developer API, with typed inputs and outputs. Every topic read teaches the client's redactor its password.</summary>
    internal sealed class TopicApi
    {
        private readonly UpstashApiClient client;

        public TopicApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>POST /v2/kafka/topic, sent exactly once (see <see cref="TopicCreator"/> for recovery).</summary>
        public async Task<KafkaTopic> CreateAsync(string name, string clusterId, TopicSettings settings, string cleanupPolicy, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/topic", $"Creating topic '{name}' in cluster {clusterId}")
            {
                JsonBody = JsonBody.Of(json =>
                {
                    Write(json, "name", name);
                    WriteSettings(json, settings);
                    Write(json, "cleanup_policy", cleanupPolicy);
                    Write(json, "cluster_id", clusterId);
                }),
                MaskReplyForDebug = ReplyPasswords.MaskForDebug,
            };
            call.DebugBody = call.JsonBody;
            return Read(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>GET /v2/kafka/topic/{id}.</summary>
        public async Task<KafkaTopic> GetAsync(string topicId, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, TopicPath(topicId), $"Reading topic {topicId}") { MaskReplyForDebug = ReplyPasswords.MaskForDebug };
            return Read(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>GET /v2/kafka/topics/{cluster_id}, each topic handed on as soon as it is read.</summary>
        public Task ListAsync(string clusterId, Action<KafkaTopic> onTopic, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/topics/" + Uri.EscapeDataString(clusterId), $"Listing the topics of cluster {clusterId}");
            return client.StreamArrayAsync(call, item => onTopic(Read(call, item)), cancellation);
        }

        /// <summary>
        /// POST /v2/kafka/update-topic/{id} with all four values. *(decision, from the contract)* The caller always
        /// passes the complete settings (read first), so sending it twice leaves the same topic: safe to retry.
        /// </summary>
        public async Task<KafkaTopic> ReconfigureAsync(string topicId, TopicSettings settings, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/update-topic/" + Uri.EscapeDataString(topicId), $"Reconfiguring topic {topicId}")
            {
                JsonBody = JsonBody.Of(json => WriteSettings(json, settings)),
                MaskReplyForDebug = ReplyPasswords.MaskForDebug,
                Repeatable = true,
            };
            call.DebugBody = call.JsonBody;
            return Read(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>DELETE /v2/kafka/topic/{id}.</summary>
        public Task DeleteAsync(string topicId, CancellationToken cancellation) =>
            client.SendForOkAsync(new ApiCall(HttpMethod.Delete, TopicPath(topicId), $"Removing topic {topicId}") { NotFoundAfterRetryMeansDone = true }, cancellation);

        /// <summary>GET /v2/kafka/cluster/{id}, for the limits that -1 stands for (its password is redacted, never kept).</summary>
        public async Task<ClusterLimits> ClusterLimitsAsync(string clusterId, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/cluster/" + Uri.EscapeDataString(clusterId), $"Reading the limits of cluster {clusterId}")
            {
                MaskReplyForDebug = ReplyPasswords.MaskForDebug,
            };
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            client.Redactor.AddRange(ReplyPasswords.In(reply));
            try
            {
                return ClusterLimits.Read(reply);
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        private KafkaTopic Read(ApiCall call, JToken token)
        {
            try
            {
                return TopicReader.Read(token, client.Redactor);
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }

        private static string TopicPath(string topicId) => "v2/kafka/topic/" + Uri.EscapeDataString(topicId);

        private static void WriteSettings(JsonWriter json, TopicSettings settings)
        {
            Write(json, "partitions", settings.Partitions);
            Write(json, "retention_time", settings.RetentionTimeMs);
            Write(json, "retention_size", settings.RetentionSize);
            Write(json, "max_message_size", settings.MaxMessageSize);
        }

        private static void Write(JsonWriter json, string name, object value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

    }
}
