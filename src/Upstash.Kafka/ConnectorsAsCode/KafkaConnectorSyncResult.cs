using System;

namespace Upstash.Kafka
{
    /// <summary>What Sync-UpstashKafkaConnector did to one connector.</summary>
    public enum ConnectorSyncOutcome
    {
        Created,
        Updated,
        Unchanged,
        Removed,

        /// <summary>On the cluster, in no file, and left alone (no -Prune).</summary>
        Unmanaged,
    }

    /// <summary>One connector of Sync-UpstashKafkaConnector: what was done and the connector as it ends (secrets masked).</summary>
    public sealed class KafkaConnectorSyncResult
    {
        public string Name { get; set; } = string.Empty;

        public ConnectorSyncOutcome Outcome { get; set; }

        /// <summary>The keys that were changed (secret values hidden).</summary>
        public KafkaConnectorPropertyChange[] Changes { get; set; } = Array.Empty<KafkaConnectorPropertyChange>();

        /// <summary>The pause or resume that was sent, if any.</summary>
        public ConnectorStateChange? StateChange { get; set; }

        /// <summary>The connector as it ends; null when it was removed.</summary>
        public KafkaConnector? Connector { get; set; }

        public string? Path { get; set; }

        public string? ConnectorId { get; set; }

        public string ClusterId { get; set; } = string.Empty;

        /// <summary>The connector's state as it ends (Upstash's lifecycle state), for the default view.</summary>
        public string? State => Connector?.State;

        public string Summary => ComparisonText.Summary(Changes, StateChange);

        public override string ToString() => $"{Outcome} {Name}";
    }
}
