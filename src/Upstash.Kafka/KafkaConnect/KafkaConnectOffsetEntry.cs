using System;
using System.Collections;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// One entry of a PATCH .../offsets body, checked before anything is sent: a partition map, and an offset map or
    /// null (reset that partition). What the keys must be is the connector's business (a sink needs kafka_topic,
    /// kafka_partition and kafka_offset): the server checks those and its 400 says what is wrong.
    /// </summary>
    internal sealed class KafkaConnectOffsetEntry
    {
        private const string PartitionKey = "partition";
        private const string OffsetKey = "offset";

        private KafkaConnectOffsetEntry(JObject partition, JObject? offset)
        {
            Partition = partition;
            Offset = offset;
        }

        public JObject Partition { get; }

        /// <summary>Null resets the partition.</summary>
        public JObject? Offset { get; }

        /// <summary>From -Offset: @{ partition = @{...}; offset = @{...} }, keys in any case; offset must be given, even if $null.</summary>
        /// <exception cref="ArgumentException">A key is missing or unknown, or a value is not a map.</exception>
        public static KafkaConnectOffsetEntry FromTable(IDictionary table, string path)
        {
            object? partition = null;
            object? offset = null;
            bool hasPartition = false;
            bool hasOffset = false;
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (string.Equals(key, PartitionKey, StringComparison.OrdinalIgnoreCase))
                {
                    (partition, hasPartition) = (entry.Value, true);
                }
                else if (string.Equals(key, OffsetKey, StringComparison.OrdinalIgnoreCase))
                {
                    (offset, hasOffset) = (entry.Value, true);
                }
                else
                {
                    // Kafka Connect answers an unknown field with a 500 "Unrecognized field"; a typo is better named here.
                    throw new ArgumentException($"{path} has the key '{key}'; an offset takes only 'partition' and 'offset', e.g. @{{ partition = @{{ kafka_topic = 'orders'; kafka_partition = 0 }}; offset = @{{ kafka_offset = 42 }} }}.");
                }
            }

            if (!hasPartition || partition == null)
            {
                throw new ArgumentException($"{path} has no 'partition': give the partition whose offset changes, e.g. @{{ kafka_topic = 'orders'; kafka_partition = 0 }}.");
            }

            if (!hasOffset)
            {
                // *(decision)* A missing offset is refused rather than taken as a reset: resetting is asked for with $null.
                throw new ArgumentException($"{path} has no 'offset': give the new offset, e.g. @{{ kafka_offset = 42 }}, or offset = $null to reset the partition.");
            }

            return Checked(partition, offset, path);
        }

        /// <summary>From a piped KafkaConnectorOffset, as read or as edited.</summary>
        /// <exception cref="ArgumentException">Its partition is missing, or a value is not a map.</exception>
        public static KafkaConnectOffsetEntry FromObject(KafkaConnectorOffset offset, string path) =>
            offset.Partition == null
                ? throw new ArgumentException($"{path} has no Partition, so which partition it is for cannot be known.")
                : Checked(offset.Partition, offset.Offset, path);

        /// <summary>"{kafka_topic=orders, kafka_partition=0} to {kafka_offset=42}", or "... reset": for -WhatIf and verbose output.</summary>
        public override string ToString() =>
            "{" + Text(Partition) + "}" + (Offset == null ? " reset" : " to {" + Text(Offset) + "}");

        private static KafkaConnectOffsetEntry Checked(object partition, object? offset, string path)
        {
            JObject partitionJson = KafkaConnectOffsetValues.ToJsonObject(partition, path + ".partition");
            object? bareOffset = offset is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : offset;
            JObject? offsetJson = bareOffset == null ? null : KafkaConnectOffsetValues.ToJsonObject(offset, path + ".offset");
            return new KafkaConnectOffsetEntry(partitionJson, offsetJson);
        }

        private static string Text(JObject map) => KafkaConnectOffsetValues.Text(KafkaConnectOffsetValues.ToDictionary(map));
    }
}
