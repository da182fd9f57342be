namespace Upstash.Kafka
{
    /// <summary>How one configuration key differs between a connector file and the cluster.</summary>
    public enum ConnectorPropertyChangeKind
    {
        /// <summary>In the file, not on the cluster.</summary>
        Added,

        /// <summary>In both, with different values.</summary>
        Changed,

        /// <summary>On the cluster, not in the file: a sync removes it (it posts the file's complete map).</summary>
        Removed,
    }

    /// <summary>
    /// One key that a sync would change. A secret's values are never shown: Before and After read "********" (the
    /// change itself is still reported, so a rotated password shows up in the plan).
    /// </summary>
    public sealed class KafkaConnectorPropertyChange
    {
        public KafkaConnectorPropertyChange(string key, ConnectorPropertyChangeKind change, string? before, string? after, bool isSecret)
        {
            Key = key;
            Change = change;
            Before = before;
            After = after;
            IsSecret = isSecret;
        }

        public string Key { get; }

        public ConnectorPropertyChangeKind Change { get; }

        /// <summary>The cluster's value; null when added; "********" for a secret.</summary>
        public string? Before { get; }

        /// <summary>The file's value; null when removed; "********" for a secret.</summary>
        public string? After { get; }

        public bool IsSecret { get; }

        /// <summary>"+ topics = orders", "~ connection.uri (secret)", "- tasks.max": a plan line, like a diff.</summary>
        public override string ToString()
        {
            switch (Change)
            {
                case ConnectorPropertyChangeKind.Added:
                    return IsSecret ? $"+ {Key} (secret)" : $"+ {Key} = {After}";
                case ConnectorPropertyChangeKind.Removed:
                    return $"- {Key}";
                default:
                    return IsSecret ? $"~ {Key} (secret)" : $"~ {Key}: {Before} -> {After}";
            }
        }
    }
}
