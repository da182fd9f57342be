using System.Collections;
using Upstash.Kafka.Api;

namespace Upstash.Kafka
{
    /// <summary>
    /// One committed offset of a Kafka Connect connector (KIP-875): the partition it is for and the position in it,
    /// each a map keyed as the server names them. A sink's keys are fixed (kafka_topic and kafka_partition;
    /// kafka_offset); a source's are whatever its connector chose (FileStreamSource: filename; position). Edit Offset
    /// (or set it to $null to reset that partition) and pipe the object to Set-UpstashKafkaConnectorOffset.
    /// </summary>
    public sealed class KafkaConnectorOffset
    {
        public string ConnectorName { get; set; } = string.Empty;

        /// <summary>An ordered dictionary: strings stay strings, JSON numbers are Int32, Int64 or Double, nested objects are dictionaries.</summary>
        public IDictionary? Partition { get; set; }

        /// <summary>The position in <see cref="Partition"/>, shaped like it; $null asks Set-UpstashKafkaConnectorOffset to reset the partition.</summary>
        public IDictionary? Offset { get; set; }

        /// <summary>The Kafka Connect server the offset was read from: Set-UpstashKafkaConnectorOffset sends a piped offset back there.</summary>
        public UpstashKafkaConnection? Connection { get; set; }

        /// <summary>
        /// A partition or offset on one line, for the default view: a sink's as "orders-0" and "4211", anything else
        /// as "filename=/data/in.txt". The objects themselves keep the server's keys.
        /// </summary>
        public static string Format(IDictionary? map) => KafkaConnectOffsetValues.ShortText(map);

        public override string ToString() =>
            $"{ConnectorName} {Format(Partition)}: {(Offset == null ? "(reset)" : Format(Offset))}";
    }
}
