using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>connector.class, the hosted classes' required keys, sinks' topics and the shapes of values.</summary>
public sealed class ConfigShapeValidationTests : IClassFixture<ImportedModuleFixture>
{
    private const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";
    private const string MongoSink = "com.mongodb.kafka.connect.MongoSinkConnector";
    private const string Postgres = "io.debezium.connector.postgresql.PostgresConnector";
    private const string JdbcSource = "io.aiven.connect.jdbc.JdbcSourceConnector";

    private readonly ModuleSession session;

    public ConfigShapeValidationTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    private TestedConfig Test(System.Collections.Hashtable properties) => ConfigValidation.Property(session, properties);

    [Theory]
    [MemberData(nameof(HostedConfigs.Classes), MemberType = typeof(HostedConfigs))]
    public void A_minimal_configuration_of_every_hosted_class_is_valid_without_a_single_problem(string cls)
    {
        TestedConfig result = Test(HostedConfigs.For(cls));

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Problems);
    }

    [Theory]
    [MemberData(nameof(HostedConfigs.RequiredKeys), MemberType = typeof(HostedConfigs))]
    public void Every_required_key_of_a_hosted_class_missing_or_empty_is_an_error_on_that_key(string cls, string key)
    {
        TestedConfig missing = Test(HostedConfigs.For(cls, "-" + key));
        TestedConfig empty = Test(HostedConfigs.For(cls, key + "=  "));

        Assert.False(missing.IsValid);
        Assert.Contains("is missing", missing.Single("Error", key).Message, StringComparison.Ordinal);
        Assert.Contains(cls, missing.Single("Error", key).Message, StringComparison.Ordinal);
        Assert.Contains("is empty", empty.Single("Error", key).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debezium_takes_either_topic_prefix_or_the_older_database_server_name_but_needs_one()
    {
        Assert.True(Test(HostedConfigs.For(Postgres, "-database.server.name", "topic.prefix=shop")).IsValid);
        TestedConfig neither = Test(HostedConfigs.For(Postgres, "-database.server.name"));

        Problem problem = neither.Single("Error", "topic.prefix");
        Assert.Contains("topic.prefix or database.server.name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connector_class_is_an_error_and_one_upstash_did_not_host_only_a_warning()
    {
        TestedConfig missing = Test(new() { ["connection.uri"] = "mongodb://db" });
        TestedConfig other = Test(new() { ["connector.class"] = "io.confluent.connect.jdbc.JdbcSourceConnector", ["connection.url"] = "jdbc:db2://h" });
        TestedConfig notAClass = Test(new() { ["connector.class"] = "Mongo Source" });

        Assert.False(missing.IsValid);
        Assert.Contains("connector.class is missing", missing.Single("Error", "connector.class").Message, StringComparison.Ordinal);
        Assert.True(other.IsValid, other.ToString());
        Assert.Contains("not one Upstash hosted", other.Single("Warning", "connector.class").Message, StringComparison.Ordinal);
        Assert.Contains("not a Java class name", notAClass.Single("Error", "connector.class").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://app:pw@db", false)]
    [InlineData("db.example.com:27017", false)]
    [InlineData("mongodb://db:27017", true)]
    [InlineData("MONGODB+SRV://cluster0.example.net", true)]
    public void A_mongodb_class_needs_a_mongodb_uri(string uri, bool valid)
    {
        TestedConfig result = Test(HostedConfigs.For(Mongo, "connection.uri=" + uri));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Contains("mongodb://", result.Single("Error", "connection.uri").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Debezium_mongodb_needs_a_mongodb_connection_string_and_jdbc_classes_a_jdbc_url()
    {
        TestedConfig debezium = Test(HostedConfigs.For("io.debezium.connector.mongodb.MongoDbConnector", "mongodb.connection.string=rs0/db:27017"));
        TestedConfig jdbc = Test(HostedConfigs.For(JdbcSource, "connection.url=postgresql://pg/shop"));
        TestedConfig http = Test(HostedConfigs.For("io.aiven.kafka.connect.http.HttpSinkConnector", "http.url=hooks.example.com/in"));
        TestedConfig search = Test(HostedConfigs.For("io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", "connection.url=https://os1:9200,os2:9200"));

        debezium.Single("Error", "mongodb.connection.string");
        Assert.Contains("JDBC URL", jdbc.Single("Error", "connection.url").Message, StringComparison.Ordinal);
        http.Single("Error", "http.url");
        search.Single("Error", "connection.url");
    }

    [Theory]
    [InlineData("tasks.max", "0")]
    [InlineData("tasks.max", "-1")]
    [InlineData("tasks.max", "1.5")]
    [InlineData("tasks.max", "two")]
    [InlineData("tasks.max", "")]
    [InlineData("database.port", "0")]
    [InlineData("database.port", "65536")]
    [InlineData("database.port", "5432/tcp")]
    public void Tasks_max_and_ports_must_be_positive_whole_numbers(string key, string value)
    {
        TestedConfig result = Test(HostedConfigs.For(Postgres, $"{key}={value}"));

        Assert.False(result.IsValid);
        Assert.Contains("whole number", result.Single("Error", key).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_given_as_numbers_or_strings_are_accepted()
    {
        var properties = HostedConfigs.For(Postgres, "tasks.max= 4 ");
        properties["database.port"] = 5432;

        TestedConfig result = Test(properties);

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("key.converter.schemas.enable", "yes", false)]
    [InlineData("errors.log.include.messages", "1", false)]
    [InlineData("auto.create", "on", false)]
    [InlineData("value.converter.schemas.enable", "FALSE", true)]
    [InlineData("errors.log.enable", "true", true)]
    public void Booleans_are_true_or_false(string key, string value, bool valid)
    {
        TestedConfig result = Test(HostedConfigs.For(JdbcSource, $"{key}={value}"));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Contains("true or false", result.Single("Error", key).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_powershell_boolean_is_a_valid_boolean()
    {
        var properties = HostedConfigs.For(JdbcSource);
        properties["errors.log.enable"] = true;

        Assert.True(Test(properties).IsValid);
    }

    [Fact]
    public void A_sink_needs_topics_or_topics_regex_but_not_both_and_a_source_needs_neither()
    {
        TestedConfig neither = Test(HostedConfigs.For(MongoSink, "-topics"));
        TestedConfig both = Test(HostedConfigs.For(MongoSink, "topics.regex=orders-.*"));
        TestedConfig regexOnly = Test(HostedConfigs.For(MongoSink, "-topics", "topics.regex=orders-.*"));
        TestedConfig otherSink = Test(new() { ["connector.class"] = "com.example.kafka.ElasticsearchSinkConnector" });

        Assert.Contains("topics.regex", neither.Single("Error", "topics").Message, StringComparison.Ordinal);
        Assert.Contains("not both", both.Single("Error", "topics.regex").Message, StringComparison.Ordinal);
        Assert.True(regexOnly.IsValid, regexOnly.ToString());
        otherSink.Single("Error", "topics");
        Assert.True(Test(HostedConfigs.For(Mongo)).IsValid);
    }
}
