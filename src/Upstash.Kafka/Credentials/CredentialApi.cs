using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>The credential endpoints: create, list (every cluster's at once) and delete; nothing else exists.</summary>
    internal sealed class CredentialApi
    {
        private readonly UpstashApiClient client;

        public CredentialApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>POST /v2/kafka/credential, sent exactly once (see CreateRecovery).</summary>
        public async Task<KafkaCredential> CreateAsync(string name, string clusterId, string topic, string permission, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Post, "v2/kafka/credential", $"Creating credential '{name}' in cluster {clusterId}")
            {
                JsonBody = JsonBody.Of(json =>
                {
                    json.WritePropertyName("credential_name");
                    json.WriteValue(name);
                    json.WritePropertyName("cluster_id");
                    json.WriteValue(clusterId);
                    json.WritePropertyName("topic");
                    json.WriteValue(topic);
                    json.WritePropertyName("permissions");
                    json.WriteValue(CredentialPermissions.ApiValue(permission));
                }),
                MaskReplyForDebug = ReplyPasswords.MaskForDebug,
            };
            call.DebugBody = call.JsonBody;
            return Read(call, await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false));
        }

        /// <summary>GET /v2/kafka/credentials: the credentials of every cluster, each handed on as soon as it is read.</summary>
        public Task ListAsync(Action<KafkaCredential> onCredential, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/credentials", "Listing the Kafka credentials");
            return client.StreamArrayAsync(call, item => onCredential(Read(call, item)), cancellation);
        }

        /// <summary>DELETE /v2/kafka/credential/{id}.</summary>
        public Task DeleteAsync(string credentialId, CancellationToken cancellation) =>
            client.SendForOkAsync(
                new ApiCall(HttpMethod.Delete, "v2/kafka/credential/" + Uri.EscapeDataString(credentialId), $"Removing credential {credentialId}") { NotFoundAfterRetryMeansDone = true },
                cancellation);

        private KafkaCredential Read(ApiCall call, JToken token)
        {
            try
            {
                return CredentialReader.Read(token, client.Redactor);
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }
    }
}
