using System.Collections;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>A minimal configuration Upstash would have accepted, for each connector class it hosted.</summary>
public static class HostedConfigs
{
    public static readonly IReadOnlyDictionary<string, string[]> ByClass = new Dictionary<string, string[]>
    {
        ["com.mongodb.kafka.connect.MongoSourceConnector"] = new[] { "connection.uri=mongodb://app:pw@db:27017" },
        ["com.mongodb.kafka.connect.MongoSinkConnector"] = new[] { "topics=orders", "connection.uri=mongodb+srv://app:pw@cluster0.example.net", "database=shop", "collection=orders" },
        ["io.debezium.connector.mongodb.MongoDbConnector"] = new[] { "mongodb.connection.string=mongodb://db:27017/?replicaSet=rs0", "topic.prefix=shop" },
        ["io.debezium.connector.mysql.MySqlConnector"] = new[] { "database.hostname=mysql", "database.user=debezium", "topic.prefix=shop" },
        ["io.debezium.connector.postgresql.PostgresConnector"] = new[] { "database.hostname=pg", "database.port=5432", "database.user=postgres", "database.password=pw", "database.server.name=shop" },
        ["io.aiven.connect.jdbc.JdbcSourceConnector"] = new[] { "connection.url=jdbc:postgresql://pg:5432/shop", "connection.user=u", "connection.password=pw", "mode=incrementing" },
        ["io.aiven.connect.jdbc.JdbcSinkConnector"] = new[] { "topics.regex=orders-.*", "connection.url=jdbc:mysql://mysql/shop", "connection.user=u", "connection.password=pw" },
        ["io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector"] = new[] { "topics=orders", "aws.access.key.id=AKIA", "aws.secret.access.key=s", "aws.s3.bucket.name=b", "aws.s3.region=eu-west-1" },
        ["io.aiven.kafka.connect.http.HttpSinkConnector"] = new[] { "topics=orders", "http.url=https://hooks.example.com/in", "http.authorization.type=none" },
        ["io.aiven.kafka.connect.opensearch.OpensearchSinkConnector"] = new[] { "topics=orders", "connection.url=https://os1:9200,https://os2:9200", "connection.username=u", "connection.password=pw" },
        ["com.wepay.kafka.connect.bigquery.BigQuerySinkConnector"] = new[] { "topics=orders", "project=p", "defaultDataset=d", "keyfile={\"type\":\"service_account\"}" },
        ["com.snowflake.kafka.connector.SnowflakeSinkConnector"] = new[] { "topics=orders", "snowflake.url.name=acct.snowflakecomputing.com:443", "snowflake.user.name=u", "snowflake.private.key=k", "snowflake.database.name=db", "snowflake.schema.name=public" },
    };

    public static TheoryData<string> Classes => new(ByClass.Keys);

    /// <summary>Every required key of every class (sinks' topics excluded: one of two keys satisfies it), one row each.</summary>
    public static TheoryData<string, string> RequiredKeys
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach ((string cls, string[] pairs) in ByClass)
            {
                foreach (string key in pairs.Select(p => p.Split('=', 2)[0]).Where(k => k is not ("topics" or "topics.regex" or "topic.prefix" or "database.server.name")))
                {
                    data.Add(cls, key);
                }
            }

            return data;
        }
    }

    /// <summary>The class's minimal configuration as a hashtable, with changes: "key=value" sets, "-key" removes.</summary>
    public static Hashtable For(string cls, params string[] changes)
    {
        var table = new Hashtable { ["connector.class"] = cls };
        foreach (string pair in ByClass[cls])
        {
            string[] parts = pair.Split('=', 2);
            table[parts[0]] = parts[1];
        }

        foreach (string change in changes)
        {
            if (change.StartsWith('-'))
            {
                table.Remove(change[1..]);
            }
            else
            {
                string[] parts = change.Split('=', 2);
                table[parts[0]] = parts[1];
            }
        }

        return table;
    }
}
