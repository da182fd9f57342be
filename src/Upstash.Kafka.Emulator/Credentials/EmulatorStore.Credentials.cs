namespace Upstash.Kafka.Emulator.State;

/// <summary>The credentials' part of the store.</summary>
public sealed partial class EmulatorStore
{
    /// <summary>The service's default limit of credentials per cluster.</summary>
    public const int MaxCredentialsPerCluster = 10;

    private readonly Dictionary<string, CredentialRecord> credentials = new(StringComparer.Ordinal);

    /// <summary>Adds a credential, or says why the service would refuse it (null problem: added).</summary>
    public (CredentialRecord? Created, string? Problem) AddCredential(string name, string clusterId, string topic, string permissions)
    {
        lock (gate)
        {
            if (!clusters.TryGetValue(clusterId, out ClusterRecord? cluster))
            {
                return (null, "cluster not found");
            }

            var ofCluster = credentials.Values.Where(c => c.ClusterId == clusterId).ToList();
            if (ofCluster.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
            {
                return (null, $"credential {name} already exists");
            }

            if (ofCluster.Count >= MaxCredentialsPerCluster)
            {
                return (null, $"credential limit reached: a cluster can have at most {MaxCredentialsPerCluster} credentials");
            }

            var credential = new CredentialRecord
            {
                CredentialId = Guid.NewGuid().ToString(),
                Name = name,
                ClusterId = clusterId,
                ClusterSlug = cluster.Slug,
                Topic = topic,
                Permissions = permissions,
                Username = cluster.Slug + "-" + name,
                CreationTime = Clock.Now.ToUnixTimeSeconds(),
            };
            credentials[credential.CredentialId] = credential;
            return (credential, null);
        }
    }

    /// <summary>Every cluster's credentials, in creation order (the API lists them all at once).</summary>
    public IReadOnlyList<CredentialRecord> Credentials()
    {
        lock (gate)
        {
            return credentials.Values.OrderBy(c => c.CreationTime).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
    }

    public bool RemoveCredential(string credentialId)
    {
        lock (gate)
        {
            return credentials.Remove(credentialId);
        }
    }
}
