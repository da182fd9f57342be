using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// What goes with a cluster when it is removed: its name and how many topics, credentials and connectors it has,
    /// so the confirmation prompt can say what is about to be lost. A count that cannot be read is said to be unknown
    /// rather than failing the question.
    /// </summary>
    internal sealed class ClusterContents
    {
        private ClusterContents(string? name, int? topics, int? credentials, int? connectors)
        {
            Name = name;
            Topics = topics;
            Credentials = credentials;
            Connectors = connectors;
        }

        public string? Name { get; }

        public int? Topics { get; }

        public int? Credentials { get; }

        public int? Connectors { get; }

        public static async Task<ClusterContents> ReadAsync(UpstashApiClient client, string clusterId, CancellationToken token)
        {
            KafkaCluster? cluster = await Try(async () => (KafkaCluster?)await new ClusterApi(client).GetAsync(clusterId, token).ConfigureAwait(false)).ConfigureAwait(false);
            int? topics = await Count(c => new TopicApi(client).ListAsync(clusterId, _ => c(), token)).ConfigureAwait(false);
            int? credentials = await Count(c => new CredentialApi(client).ListAsync(k => { if (k.ClusterId == clusterId) { c(); } }, token)).ConfigureAwait(false);
            int? connectors = await Count(c => new ConnectorApi(client).ListAsync(clusterId, includeSecrets: false, _ => c(), token)).ConfigureAwait(false);
            return new ClusterContents(cluster?.Name, topics, credentials, connectors);
        }

        /// <summary>"3 topics, 1 credential and no connectors".</summary>
        public string Describe() =>
            $"{Amount(Topics, "topic")}, {Amount(Credentials, "credential")} and {Amount(Connectors, "connector")}";

        private static string Amount(int? count, string noun) =>
            count == null ? $"an unknown number of {noun}s" : count == 0 ? $"no {noun}s" : count == 1 ? $"1 {noun}" : $"{count} {noun}s";

        private static async Task<int?> Count(Func<Action, Task> list)
        {
            int count = 0;
            return await Try(async () =>
            {
                await list(() => Interlocked.Increment(ref count)).ConfigureAwait(false);
                return (int?)count;
            }).ConfigureAwait(false);
        }

        private static async Task<T?> Try<T>(Func<Task<T?>> read)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (UpstashApiException)
            {
                // Only the prompt's wording depends on it; the removal itself reports its own failures.
                return default;
            }
        }
    }
}
