namespace Upstash.Kafka
{
    /// <summary>What Copy-UpstashKafkaConnector did with one connector.</summary>
    public enum ConnectorCopyOutcome
    {
        Created,

        /// <summary>It existed with another configuration (and -Force replaced it), or in another state (which was set).</summary>
        Updated,

        /// <summary>It existed with the same configuration and state: nothing was sent.</summary>
        Unchanged,

        /// <summary>It could not be copied; the error says why.</summary>
        Failed,
    }

    /// <summary>One connector of Copy-UpstashKafkaConnector: where it came from, what was done, and the destination's connector (secrets masked).</summary>
    public sealed class KafkaConnectorCopyResult
    {
        public string Name { get; set; } = string.Empty;

        public ConnectorCopyOutcome Outcome { get; set; }

        /// <summary>The connector on the destination as it ends; null when it failed before one existed.</summary>
        public KafkaConnector? Connector { get; set; }

        public UpstashKafkaConnection? Source { get; set; }

        public UpstashKafkaConnection? Destination { get; set; }

        /// <summary>Why it failed, when it did (the error record has the rest).</summary>
        public string? Reason { get; set; }

        /// <summary>The destination connector's state, for the default view.</summary>
        public string? State => Connector?.State;

        public override string ToString() => $"{Outcome} {Name}";
    }
}
