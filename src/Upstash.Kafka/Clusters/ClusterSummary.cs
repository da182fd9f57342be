namespace Upstash.Kafka.Api
{
    /// <summary>What the connector cmdlets and completers need of a cluster: which one, and its name for people.</summary>
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
