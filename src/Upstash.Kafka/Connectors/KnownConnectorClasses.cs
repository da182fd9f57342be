using System.Collections.Generic;

namespace Upstash.Kafka.Completers
{
    /// <summary>The connector classes Upstash hosted, with the properties each needs (from the API contract).</summary>
    internal static class KnownConnectorClasses
    {
        public static readonly IReadOnlyList<KnownConnectorClass> All = new[]
        {
            new KnownConnectorClass("com.mongodb.kafka.connect.MongoSourceConnector", "MongoDB source (connection.uri)"),
            new KnownConnectorClass("com.mongodb.kafka.connect.MongoSinkConnector", "MongoDB sink (topics, connection.uri, database, collection)"),
            new KnownConnectorClass("io.debezium.connector.mongodb.MongoDbConnector", "Debezium MongoDB (mongodb.connection.string, topic.prefix)"),
            new KnownConnectorClass("io.debezium.connector.mysql.MySqlConnector", "Debezium MySQL"),
            new KnownConnectorClass("io.debezium.connector.postgresql.PostgresConnector", "Debezium PostgreSQL (database.hostname, database.port, database.user, database.password, ...)"),
            new KnownConnectorClass("io.aiven.connect.jdbc.JdbcSourceConnector", "Aiven JDBC source (connection.url, connection.user, connection.password, mode)"),
            new KnownConnectorClass("io.aiven.connect.jdbc.JdbcSinkConnector", "Aiven JDBC sink (connection.url, connection.user, connection.password)"),
            new KnownConnectorClass("io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector", "Aiven S3 sink (aws.access.key.id, aws.secret.access.key, aws.s3.bucket.name, aws.s3.region)"),
            new KnownConnectorClass("io.aiven.kafka.connect.http.HttpSinkConnector", "Aiven HTTP sink (http.url, http.authorization.type)"),
            new KnownConnectorClass("io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "Aiven OpenSearch sink (connection.url, connection.username, connection.password)"),
            new KnownConnectorClass("com.wepay.kafka.connect.bigquery.BigQuerySinkConnector", "BigQuery sink (project, defaultDataset, keyfile)"),
            new KnownConnectorClass("com.snowflake.kafka.connector.SnowflakeSinkConnector", "Snowflake sink (snowflake.url.name, snowflake.user.name, snowflake.private.key, ...)"),
        };
    }

    internal sealed class KnownConnectorClass
    {
        public KnownConnectorClass(string className, string description)
        {
            ClassName = className;
            Description = description;
        }

        public string ClassName { get; }

        public string Description { get; }
    }
}
