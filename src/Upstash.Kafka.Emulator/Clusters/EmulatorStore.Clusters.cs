namespace Upstash.Kafka.Emulator.State;

/// <summary>The clusters' part of the store.</summary>
public sealed partial class EmulatorStore
{
    public ClusterRecord AddCluster(string clusterId, string name, string region = "eu-west-1")
    {
        lock (gate)
        {
            var cluster = new ClusterRecord { ClusterId = clusterId, Name = name, Region = region, CreationTime = Clock.Now.ToUnixTimeSeconds() };
            clusters[clusterId] = cluster;
            return cluster;
        }
    }

    public IReadOnlyList<ClusterRecord> Clusters()
    {
        lock (gate)
        {
            return clusters.Values.OrderBy(c => c.CreationTime).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
    }

    public ClusterRecord? FindCluster(string clusterId)
    {
        lock (gate)
        {
            return clusters.GetValueOrDefault(clusterId);
        }
    }
}
