using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The cluster endpoints the connector cmdlets need: the API cannot list connectors across clusters, so "every
    /// connector" means listing the clusters first.
    /// </summary>
    internal sealed class ClusterApi
    {
        private readonly UpstashApiClient client;

        public ClusterApi(UpstashApiClient client)
        {
            this.client = client;
        }

        /// <summary>GET /v2/kafka/clusters, each cluster's id and name handed on as read (passwords are never kept).</summary>
        public Task ListAsync(Action<ClusterSummary> onCluster, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/clusters", "Listing the Kafka clusters");
            return client.StreamArrayAsync(call, item => onCluster(Read(call, item)), cancellation);
        }

        private static ClusterSummary Read(ApiCall call, JToken token)
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

    /// <summary>What the connector cmdlets need of a cluster: which one, and its name for people.</summary>
    internal sealed class ClusterSummary
    {
        public ClusterSummary(string clusterId, string name)
        {
            ClusterId = clusterId;
            Name = name;
        }

        public string ClusterId { get; }

        public string Name { get; }
    }
}
