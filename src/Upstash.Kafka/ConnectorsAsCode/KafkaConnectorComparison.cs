using System;
using System.Linq;

namespace Upstash.Kafka
{
    /// <summary>What Sync-UpstashKafkaConnector would do to one connector.</summary>
    public enum ConnectorComparisonAction
    {
        /// <summary>In a file, not on the cluster.</summary>
        Create,

        /// <summary>On the cluster with a different configuration or state.</summary>
        Update,

        /// <summary>On the cluster as the file describes it.</summary>
        Unchanged,

        /// <summary>On the cluster, in no file: left alone, or removed by Sync -Prune.</summary>
        Unmanaged,
    }

    /// <summary>A pause or resume that a sync makes to match a file's initial_state.</summary>
    public enum ConnectorStateChange
    {
        Pause,
        Resume,

        /// <summary>Kafka Connect 3.5 and later only.</summary>
        Stop,
    }

    /// <summary>
    /// One connector of Compare-UpstashKafkaConnector: how the cluster differs from its file. Holds no secret value.
    /// </summary>
    public sealed class KafkaConnectorComparison
    {
        public string Name { get; set; } = string.Empty;

        public ConnectorComparisonAction Action { get; set; }

        /// <summary>Every key that differs; empty for Unchanged and Unmanaged.</summary>
        public KafkaConnectorPropertyChange[] Changes { get; set; } = Array.Empty<KafkaConnectorPropertyChange>();

        /// <summary>Pause or Resume when the file's initial_state differs from the connector's state; null otherwise.</summary>
        public ConnectorStateChange? StateChange { get; set; }

        /// <summary>The file the connector comes from; null for Unmanaged.</summary>
        public string? Path { get; set; }

        /// <summary>The connector's id on the cluster; null for Create.</summary>
        public string? ConnectorId { get; set; }

        public string ClusterId { get; set; } = string.Empty;

        /// <summary>"5 added, 1 changed, 2 removed; pause": the plan line of the default view.</summary>
        public string Summary => ComparisonText.Summary(Changes, StateChange);

        public override string ToString() => $"{Action} {Name}";
    }

    /// <summary>The short descriptions the views and messages share.</summary>
    internal static class ComparisonText
    {
        public static string Summary(KafkaConnectorPropertyChange[] changes, ConnectorStateChange? stateChange)
        {
            var parts = new[]
                {
                    Count(changes, ConnectorPropertyChangeKind.Added, "added"),
                    Count(changes, ConnectorPropertyChangeKind.Changed, "changed"),
                    Count(changes, ConnectorPropertyChangeKind.Removed, "removed"),
                    stateChange == null ? null : stateChange.Value.ToString().ToLowerInvariant(),
                }
                .Where(p => p != null);
            return string.Join(", ", parts);
        }

        private static string? Count(KafkaConnectorPropertyChange[] changes, ConnectorPropertyChangeKind kind, string word)
        {
            int count = changes.Count(c => c.Change == kind);
            return count == 0 ? null : $"{count} {word}";
        }
    }
}
