using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>The cluster endpoints of the Developer API, with typed inputs and outputs.</summary>
    internal sealed class ClusterApi
    {
        private readonly UpstashApiClient client;

        public ClusterApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>
        /// GET /v2/kafka/clusters, each cluster's id and name handed on as read (passwords are never kept): what the
        /// connector cmdlets and the completers need, since the API cannot list connectors across clusters.
        /// </summary>
        public Task ListAsync(Action<ClusterSummary> onCluster, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/clusters", "Listing the Kafka clusters");
            return client.StreamArrayAsync(call, item => onCluster(ReadSummary(call, item)), cancellation);
        }

        /// <summary>GET /v2/kafka/clusters, each cluster whole, handed on as soon as it is read.</summary>
        public Task ListClustersAsync(Action<KafkaCluster> onCluster, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/clusters", "Listing the Kafka clusters");
            return client.StreamArrayAsync(call, item => onCluster(Read(call, item)), cancellation);
        }

        /// <summary>GET /v2/kafka/cluster/{id}.</summary>
        public Task<KafkaCluster> GetAsync(string clusterId, CancellationToken cancellation) =>
            SendAsync(WithMaskedReply(new ApiCall(HttpMethod.Get, ClusterPath(clusterId), $"Reading cluster {clusterId}")), cancellation);

        /// <summary>POST /v2/kafka/cluster, sent exactly once (a create is never repeated blindly: see CreateRecovery).</summary>
        public Task<KafkaCluster> CreateAsync(string name, string region, bool multizone, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/cluster", $"Creating cluster '{name}' in {region}")
            {
                JsonBody = JsonBody.Of(json =>
                {
                    json.WritePropertyName("name");
                    json.WriteValue(name);
                    json.WritePropertyName("region");
                    json.WriteValue(region);
                    json.WritePropertyName("multizone");
                    json.WriteValue(multizone);
                }),
            };
            call.DebugBody = call.JsonBody;
            return SendAsync(WithMaskedReply(call), cancellation);
        }

        /// <summary>POST /v2/kafka/rename-cluster/{id}: the same name sent twice gives the same result, so it is retried.</summary>
        public Task<KafkaCluster> RenameAsync(string clusterId, string newName, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/rename-cluster/" + Uri.EscapeDataString(clusterId), $"Renaming cluster {clusterId} to '{newName}'")
            {
                JsonBody = JsonBody.Of(json =>
                {
                    json.WritePropertyName("name");
                    json.WriteValue(newName);
                }),
                Repeatable = true,
            };
            call.DebugBody = call.JsonBody;
            return SendAsync(WithMaskedReply(call), cancellation);
        }

        /// <summary>
        /// POST /v2/kafka/reset-password/{id}, no body. *(decision, from the issue)* Retried like the other calls: a
        /// repeat only makes yet another new password, and the reply that arrives carries the one now in force.
        /// </summary>
        public Task<KafkaCluster> ResetPasswordAsync(string clusterId, CancellationToken cancellation) =>
            SendAsync(
                WithMaskedReply(new ApiCall(HttpMethod.Post, "v2/kafka/reset-password/" + Uri.EscapeDataString(clusterId), $"Resetting the password of cluster {clusterId}") { Repeatable = true }),
                cancellation);

        /// <summary>DELETE /v2/kafka/cluster/{id}.</summary>
        public Task DeleteAsync(string clusterId, CancellationToken cancellation) =>
            client.SendForOkAsync(
                new ApiCall(HttpMethod.Delete, ClusterPath(clusterId), $"Removing cluster {clusterId}") { NotFoundAfterRetryMeansDone = true },
                cancellation);

        private static string ClusterPath(string clusterId) => "v2/kafka/cluster/" + Uri.EscapeDataString(clusterId);

        private static ApiCall WithMaskedReply(ApiCall call)
        {
            call.MaskReplyForDebug = ReplyPasswords.MaskForDebug;
            return call;
        }

        private async Task<KafkaCluster> SendAsync(ApiCall call, CancellationToken cancellation) =>
            Read(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false));

        private KafkaCluster Read(ApiCall call, JToken token)
        {
            try
            {
                KafkaCluster cluster = ClusterReader.Read(token, client.Redactor);
                cluster.Connection = client.Connection.Public;
                return cluster;
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }


        private static ClusterSummary ReadSummary(ApiCall call, JToken token)
        {
            try
            {
                if (!(token is JObject obj))
                {
                    throw new ReplyShapeException("a list item is " + JsonFields.Describe(token.Type) + ", not a cluster object");
                }

                string? id = JsonFields.String(obj, "cluster_id");
                if (string.IsNullOrWhiteSpace(id))
                {
                    throw new ReplyShapeException("a cluster in the list has no cluster_id");
                }

                return new ClusterSummary(id!, JsonFields.String(obj, "name") ?? string.Empty);
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }
    }
}
