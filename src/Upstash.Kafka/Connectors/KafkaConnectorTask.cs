namespace Upstash.Kafka
{
    /// <summary>One Kafka Connect task of a connector.</summary>
    public sealed class KafkaConnectorTask
    {
        public int Id { get; set; }

        /// <summary>RUNNING, FAILED, PAUSED, UNASSIGNED, ...</summary>
        public string? State { get; set; }

        /// <summary>The Kafka Connect worker running the task, when the server says.</summary>
        public string? WorkerId { get; set; }

        /// <summary>The Java stack trace of a failed task; empty otherwise.</summary>
        public string? Trace { get; set; }

        public override string ToString() => $"{Id}: {State}";
    }
}
