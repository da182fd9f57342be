using System.Collections.Generic;
using System.Linq;

namespace Upstash.Kafka.Completers
{
    /// <summary>
    /// The connector classes Upstash hosted, with the properties each needs (from the API contract): completion shows
    /// them, and Test-UpstashKafkaConnectorConfig requires them.
    /// </summary>
    internal static class KnownConnectorClasses
    {
        // (decision) The contract names no keys for Debezium MySQL and ends PostgreSQL's list with "...": both get the
        // keys no Debezium version starts without. Debezium 1.x calls the topic prefix database.server.name and 2.x
        // topic.prefix (the contract quotes both), so either one satisfies that requirement.
        public static readonly IReadOnlyList<KnownConnectorClass> All = new[]
        {
            new KnownConnectorClass("com.mongodb.kafka.connect.MongoSourceConnector", "MongoDB source", false, "connection.uri"),
            new KnownConnectorClass("com.mongodb.kafka.connect.MongoSinkConnector", "MongoDB sink", true, "connection.uri", "database", "collection"),
            new KnownConnectorClass("io.debezium.connector.mongodb.MongoDbConnector", "Debezium MongoDB", false, "mongodb.connection.string", "topic.prefix"),
            new KnownConnectorClass("io.debezium.connector.mysql.MySqlConnector", "Debezium MySQL", false, "database.hostname", "database.user", "topic.prefix|database.server.name"),
            new KnownConnectorClass("io.debezium.connector.postgresql.PostgresConnector", "Debezium PostgreSQL", false, "database.hostname", "database.port", "database.user", "database.password", "topic.prefix|database.server.name"),
            new KnownConnectorClass("io.aiven.connect.jdbc.JdbcSourceConnector", "Aiven JDBC source", false, "connection.url", "connection.user", "connection.password", "mode"),
            new KnownConnectorClass("io.aiven.connect.jdbc.JdbcSinkConnector", "Aiven JDBC sink", true, "connection.url", "connection.user", "connection.password"),
            new KnownConnectorClass("io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", "Aiven S3 sink", true, "aws.access.key.id", "aws.secret.access.key", "aws.s3.bucket.name", "aws.s3.region"),
            new KnownConnectorClass("io.aiven.kafka.connect.http.HttpSinkConnector", "Aiven HTTP sink", true, "http.url", "http.authorization.type"),
            new KnownConnectorClass("io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "Aiven OpenSearch sink", true, "connection.url", "connection.username", "connection.password"),
            new KnownConnectorClass("com.wepay.kafka.connect.bigquery.BigQuerySinkConnector", "BigQuery sink", true, "project", "defaultDataset", "keyfile"),
            new KnownConnectorClass("com.snowflake.kafka.connector.SnowflakeSinkConnector", "Snowflake sink", true, "snowflake.url.name", "snowflake.user.name", "snowflake.private.key", "snowflake.database.name", "snowflake.schema.name"),
        };

        /// <summary>The hosted class of that exact name (Java class names are case-sensitive), or null.</summary>
        public static KnownConnectorClass? Find(string className) => All.FirstOrDefault(c => c.ClassName == className);
    }

    internal sealed class KnownConnectorClass
    {
        /// <param name="requiredKeys">One entry per requirement; "a|b" means either key satisfies it.</param>
        public KnownConnectorClass(string className, string label, bool isSink, params string[] requiredKeys)
        {
            ClassName = className;
            IsSink = isSink;
            RequiredKeys = requiredKeys.Select(k => (IReadOnlyList<string>)k.Split('|')).ToList();
            string keys = string.Join(", ", RequiredKeys.Select(k => string.Join(" or ", k)));
            Description = isSink ? $"{label} (topics, {keys})" : $"{label} ({keys})";
        }

        public string ClassName { get; }

        /// <summary>What completion shows beside the class name: the product and the keys it needs.</summary>
        public string Description { get; }

        /// <summary>A sink reads topics, so it needs topics or topics.regex.</summary>
        public bool IsSink { get; }

        /// <summary>Keys the class cannot start without; each entry lists alternatives, any one of which is enough.</summary>
        public IReadOnlyList<IReadOnlyList<string>> RequiredKeys { get; }
    }
}
