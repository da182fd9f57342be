using System;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Creates a topic exactly once (see <see cref="CreateRecovery{T}"/>): after an ambiguous failure the cluster's
    /// topics are listed and the name looked for before the create is ever sent again.
    /// </summary>
    internal sealed class TopicCreator
    {
        private readonly UpstashApiClient client;
        private readonly TopicApi topics;

        public TopicCreator(UpstashApiClient client)
        {
            this.client = client;
            topics = new TopicApi(client);
        }

        public Task<KafkaTopic> CreateAsync(string name, string clusterId, TopicSettings settings, string cleanupPolicy, CancellationToken cancellation)
        {
            var recovery = new CreateRecovery<KafkaTopic>(client, "topic", name, "the cluster", $"Get-UpstashKafkaTopic -ClusterId {clusterId} -Name '{name}'");
            return recovery.CreateAsync(
                token => topics.CreateAsync(name, clusterId, settings, cleanupPolicy, token),
                token => FindByNameAsync(name, clusterId, token),
                (found, firstSent) => LooksLikeOurs(found, cleanupPolicy, firstSent) ? null : $"created {found.CreationTime:u}, cleanup policy {found.CleanupPolicy}",
                found => found,
                cancellation);
        }

        /// <summary>*(decision)* Ours only if created after our first attempt with the cleanup policy we sent (the one setting that cannot change).</summary>
        private static bool LooksLikeOurs(KafkaTopic found, string cleanupPolicy, DateTimeOffset firstSent) =>
            CreateRecovery<KafkaTopic>.CreatedSince(found.CreationTime, firstSent) &&
            (string.IsNullOrEmpty(found.CleanupPolicy) || string.Equals(found.CleanupPolicy, cleanupPolicy, StringComparison.OrdinalIgnoreCase));

        private async Task<KafkaTopic?> FindByNameAsync(string name, string clusterId, CancellationToken cancellation)
        {
            KafkaTopic? found = null;
            await topics.ListAsync(
                clusterId,
                topic =>
                {
                    if (string.Equals(topic.Name, name, StringComparison.Ordinal))
                    {
                        found = topic;
                    }
                },
                cancellation).ConfigureAwait(false);
            return found;
        }
    }
}
