using System;

namespace Upstash.Kafka
{
    /// <summary>
    /// A connector that ended in the failed state while a cmdlet waited for it to run. The message is the server's
    /// reason (state_error_message, or the failed task's first trace line); <see cref="Trace"/> holds the full task
    /// traces. Secret property values are masked in both.
    /// </summary>
    [Serializable]
    public sealed class KafkaConnectorFailedException : Exception
    {
        public KafkaConnectorFailedException(string message, string connectorId, string trace)
            : base(message)
        {
            ConnectorId = connectorId;
            Trace = trace;
        }

        public string ConnectorId { get; }

        /// <summary>The Java stack traces of the failed tasks, as Kafka Connect reported them.</summary>
        public string Trace { get; }
    }
}
