using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Completers
{
    /// <summary>Topics for tab completion, with the rules and the short cache of <see cref="CompletionData"/>.</summary>
    internal static class TopicCompletionData
    {
        /// <summary>The topics of -ClusterId when the command line has one, else of every cluster.</summary>
        public static IReadOnlyList<KafkaTopic> Topics(IDictionary fakeBoundParameters)
        {
            ApiConnection? connection = CompletionData.UpstashOnly(CompletionData.Connection(fakeBoundParameters));
            if (connection == null)
            {
                return new List<KafkaTopic>();
            }

            string? clusterId = CompletionData.Unwrap(fakeBoundParameters?["ClusterId"]) as string;
            string key = "topics:" + (string.IsNullOrWhiteSpace(clusterId) ? "*" : clusterId);
            return CompletionData.Answer(connection, key, (api, token) => ListAsync(api, clusterId, token)).OfType<KafkaTopic>().ToList();
        }

        private static async Task<List<object>> ListAsync(UpstashApiClient api, string? clusterId, CancellationToken token)
        {
            var topics = new List<object>();
            await EveryCluster.ListAsync(
                api,
                string.IsNullOrWhiteSpace(clusterId) ? null : clusterId,
                id => new TopicApi(api).ListAsync(id, topics.Add, token),
                onClusterFailed: null,
                token).ConfigureAwait(false);
            return topics;
        }
    }
}
