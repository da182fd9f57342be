using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Validation
{
    /// <summary>
    /// The converter, transform (SMT) and predicate classes a connector on Upstash could use: Apache Kafka's built-in
    /// ones and those the hosted plugins ship (Debezium's transforms and converters, Snowflake's converters; the
    /// MongoDB, Aiven, BigQuery plugins ship none). Anything else would not load there.
    /// </summary>
    internal static class KnownPluginClasses
    {
        private const string Transforms = "org.apache.kafka.connect.transforms.";

        public static readonly IReadOnlyCollection<string> Converters = new HashSet<string>(StringComparer.Ordinal)
        {
            "org.apache.kafka.connect.json.JsonConverter",
            "org.apache.kafka.connect.storage.StringConverter",
            "org.apache.kafka.connect.storage.SimpleHeaderConverter",
            "org.apache.kafka.connect.converters.ByteArrayConverter",
            "org.apache.kafka.connect.converters.BooleanConverter",
            "org.apache.kafka.connect.converters.DoubleConverter",
            "org.apache.kafka.connect.converters.FloatConverter",
            "org.apache.kafka.connect.converters.IntegerConverter",
            "org.apache.kafka.connect.converters.LongConverter",
            "org.apache.kafka.connect.converters.ShortConverter",
            "io.debezium.converters.CloudEventsConverter",
            "io.debezium.converters.BinaryDataConverter",
            "io.debezium.converters.ByteArrayConverter",
            "com.snowflake.kafka.connector.records.SnowflakeJsonConverter",
            "com.snowflake.kafka.connector.records.SnowflakeAvroConverter",
            "com.snowflake.kafka.connector.records.SnowflakeAvroConverterWithoutSchemaRegistry",
        };

        public static readonly IReadOnlyCollection<string> TransformClasses = new HashSet<string>(
            new[] { "Cast", "ExtractField", "Flatten", "HeaderFrom", "HoistField", "InsertField", "MaskField", "ReplaceField", "SetSchemaMetadata", "TimestampConverter" }
                .SelectMany(name => new[] { Transforms + name + "$Key", Transforms + name + "$Value" })
                .Concat(new[] { "DropHeaders", "Filter", "InsertHeader", "RegexRouter", "TimestampRouter", "ValueToKey" }.Select(name => Transforms + name))
                .Concat(new[]
                {
                    "io.debezium.transforms.ExtractNewRecordState",
                    "io.debezium.transforms.ExtractChangedRecordState",
                    "io.debezium.transforms.ByLogicalTableRouter",
                    "io.debezium.transforms.HeaderToValue",
                    "io.debezium.transforms.Filter",
                    "io.debezium.transforms.ContentBasedRouter",
                    "io.debezium.transforms.TimezoneConverter",
                    "io.debezium.transforms.SchemaChangeEventFilter",
                    "io.debezium.transforms.outbox.EventRouter",
                    "io.debezium.transforms.partitions.PartitionRouting",
                    "io.debezium.transforms.partitions.ComputePartition",
                    "io.debezium.transforms.tracing.ActivateTracingSpan",
                    "io.debezium.connector.mongodb.transforms.ExtractNewDocumentState",
                    "io.debezium.connector.mongodb.transforms.outbox.MongoEventRouter",
                }),
            StringComparer.Ordinal);

        public static readonly IReadOnlyCollection<string> Predicates = new HashSet<string>(StringComparer.Ordinal)
        {
            Transforms + "predicates.HasHeaderKey",
            Transforms + "predicates.RecordIsTombstone",
            Transforms + "predicates.TopicNameMatches",
        };

        /// <summary>
        /// The known class a mistyped name probably meant: the same name in another case (Java names are
        /// case-sensitive), or a known class with the same simple name (a wrong package); null when none is close.
        /// </summary>
        public static string? Closest(IEnumerable<string> known, string name)
        {
            List<string> candidates = known.ToList();
            return candidates.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault(k => string.Equals(SimpleName(k), SimpleName(name), StringComparison.OrdinalIgnoreCase));
        }

        private static string SimpleName(string name) => name.Substring(name.LastIndexOf('.') + 1);
    }
}
