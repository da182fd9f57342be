namespace Upstash.Kafka.Emulator.State;

/// <summary>The topics' part of the store. Names are unique per cluster; partitions count against the cluster's limit.</summary>
public sealed partial class EmulatorStore
{
    private readonly Dictionary<string, TopicRecord> topics = new(StringComparer.Ordinal);

    /// <summary>Adds a topic; the caller has checked the cluster, the name and the limits under <see cref="WithTopicsOf"/>.</summary>
    public TopicRecord AddTopic(string name, string clusterId, int partitions, long retentionTime, long retentionSize, long maxMessageSize, string cleanupPolicy)
    {
        lock (gate)
        {
            var topic = new TopicRecord
            {
                TopicId = Guid.NewGuid().ToString(),
                Name = name,
                ClusterId = clusterId,
                CreationTime = Clock.Now.ToUnixTimeSeconds(),
                Partitions = partitions,
                RetentionTime = retentionTime,
                RetentionSize = retentionSize,
                MaxMessageSize = maxMessageSize,
                CleanupPolicy = cleanupPolicy,
            };
            topics[topic.TopicId] = topic;
            return topic;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the lock with the cluster and its topics, so a check and the change it
    /// allows cannot interleave with another request; null when the cluster does not exist.
    /// </summary>
    public T? WithTopicsOf<T>(string clusterId, Func<ClusterRecord, IReadOnlyList<TopicRecord>, T> work)
        where T : class
    {
        lock (gate)
        {
            return clusters.TryGetValue(clusterId, out ClusterRecord? cluster)
                ? work(cluster, topics.Values.Where(t => t.ClusterId == clusterId).OrderBy(t => t.CreationTime).ThenBy(t => t.Name, StringComparer.Ordinal).ToList())
                : null;
        }
    }

    /// <summary>Runs <paramref name="work"/> under the lock with the topic, its cluster and the cluster's other topics; null when there is no such topic.</summary>
    public T? WithTopic<T>(string topicId, Func<TopicRecord, ClusterRecord, IReadOnlyList<TopicRecord>, T> work)
        where T : class
    {
        lock (gate)
        {
            if (!topics.TryGetValue(topicId, out TopicRecord? topic) || !clusters.TryGetValue(topic.ClusterId, out ClusterRecord? cluster))
            {
                return null;
            }

            return work(topic, cluster, topics.Values.Where(t => t.ClusterId == topic.ClusterId && t.TopicId != topicId).ToList());
        }
    }

    public bool RemoveTopic(string topicId)
    {
        lock (gate)
        {
            return topics.Remove(topicId);
        }
    }

    /// <summary>Removes every topic of a cluster (the cluster delete cascade); returns how many went.</summary>
    public int RemoveClusterTopics(string clusterId)
    {
        lock (gate)
        {
            List<string> gone = topics.Values.Where(t => t.ClusterId == clusterId).Select(t => t.TopicId).ToList();
            gone.ForEach(id => topics.Remove(id));
            return gone.Count;
        }
    }

    public int TopicCount(string? clusterId = null, string? name = null)
    {
        lock (gate)
        {
            return topics.Values.Count(t => (clusterId == null || t.ClusterId == clusterId) && (name == null || t.Name == name));
        }
    }

    public TopicRecord? FindTopic(string topicId)
    {
        lock (gate)
        {
            return topics.GetValueOrDefault(topicId);
        }
    }
}
