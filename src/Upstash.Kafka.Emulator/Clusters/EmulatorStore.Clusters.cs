using System.Text;

namespace Upstash.Kafka.Emulator.State;

/// <summary>The clusters' part of the store.</summary>
public sealed partial class EmulatorStore
{
    public ClusterRecord AddCluster(string clusterId, string name, string region = "eu-west-1", bool multizone = false)
    {
        lock (gate)
        {
            var cluster = new ClusterRecord
            {
                ClusterId = clusterId,
                Name = name,
                Slug = Slug(name),
                Region = region,
                Multizone = multizone,
                Type = multizone ? "paid" : "free",
                MaxRetentionSize = multizone ? 10737418240L : 1073741824L,
                Username = Convert.ToBase64String(Encoding.UTF8.GetBytes(Slug(name))).TrimEnd('=') + "-user",
                CreationTime = Clock.Now.ToUnixTimeSeconds(),
            };
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

    /// <summary>Cluster names are unique in the account (the console refuses a second one).</summary>
    public bool ClusterNameTaken(string name, string? exceptClusterId = null)
    {
        lock (gate)
        {
            return clusters.Values.Any(c => c.ClusterId != exceptClusterId && string.Equals(c.Name, name, StringComparison.Ordinal));
        }
    }

    /// <summary>Runs <paramref name="change"/> on the cluster under the lock; null when there is none.</summary>
    public T? WithCluster<T>(string clusterId, Func<ClusterRecord, T> change)
        where T : class
    {
        lock (gate)
        {
            return clusters.TryGetValue(clusterId, out ClusterRecord? cluster) ? change(cluster) : null;
        }
    }

    /// <summary>Removes the cluster and everything in it, as the service does. False when there is no such cluster.</summary>
    public bool RemoveCluster(string clusterId)
    {
        lock (gate)
        {
            if (!clusters.Remove(clusterId))
            {
                return false;
            }

            foreach (string id in connectors.Values.Where(c => c.ClusterId == clusterId).Select(c => c.ConnectorId).ToList())
            {
                connectors.Remove(id);
            }

            foreach (string id in credentials.Values.Where(c => c.ClusterId == clusterId).Select(c => c.CredentialId).ToList())
            {
                credentials.Remove(id);
            }

            RemoveClusterTopics(clusterId);
            return true;
        }
    }

    private static string Slug(string name)
    {
        string slug = new string(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
        return (slug.Length == 0 ? "cluster" : slug) + "-" + Guid.NewGuid().ToString("N")[..6];
    }
}
