using System.Management.Automation;
using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>How Test-UpstashKafkaConnectorConfig takes its input and answers: -Property, the pipeline, -Quiet, secrets.</summary>
public sealed class TestConnectorConfigCommandTests : IClassFixture<ImportedModuleFixture>
{
    private const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";

    private readonly ModuleSession session;

    public TestConnectorConfigCommandTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    private RunResult Run(string script, Dictionary<string, object?>? variables = null) => session.Run(script, variables);

    [Fact]
    public void Needs_no_credential_and_sends_nothing()
    {
        // The fixture's session never connected: a cmdlet that called the API would stop with NoCredential or prompt.
        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Property @{ 'connector.class' = 'com.example.Source' }");

        result.AssertNoErrors();
        Assert.True(ConfigValidation.Read(Assert.Single(result.Output)).IsValid);
        Assert.Empty(session.Host.Prompts);
    }

    [Fact]
    public void Quiet_writes_one_boolean_for_the_whole_call()
    {
        RunResult valid = Run("Test-UpstashKafkaConnectorConfig -Property @{ 'connector.class' = $m; 'connection.uri' = 'mongodb://db' } -Quiet", new() { ["m"] = Mongo });
        RunResult mixed = Run(
            "@{ Name = 'a'; Properties = @{ 'connector.class' = $m; 'connection.uri' = 'mongodb://db' } }, @{ Name = 'b'; Properties = @{ 'connector.class' = $m } } | " +
            "ForEach-Object { [pscustomobject]$_ } | Test-UpstashKafkaConnectorConfig -Quiet",
            new() { ["m"] = Mongo });
        RunResult warningsOnly = Run("Test-UpstashKafkaConnectorConfig -Property @{ 'connector.class' = 'com.example.Source' } -Quiet");

        valid.AssertNoErrors();
        Assert.True(valid.Single<bool>());
        mixed.AssertNoErrors();
        Assert.False(mixed.Single<bool>());
        Assert.True(warningsOnly.Single<bool>());
    }

    [Fact]
    public void Connectors_piped_from_get_bind_their_name_and_properties_one_result_each()
    {
        RunResult result = Run(
            "[pscustomobject]@{ Name = 'orders'; Properties = @{ 'connector.class' = $m; 'connection.uri' = '********' } }, " +
            "[pscustomobject]@{ Name = 'users'; Properties = @{ 'connector.class' = $m; 'connection.uri' = 'mongodb://db'; name = 'users' } } | Test-UpstashKafkaConnectorConfig",
            new() { ["m"] = Mongo });

        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        TestedConfig orders = ConfigValidation.Read(result.Output[0]);
        TestedConfig users = ConfigValidation.Read(result.Output[1]);
        Assert.Equal("orders", orders.Name);
        Assert.Null(orders.Path);
        orders.Single("Error", "connection.uri");
        Assert.Equal("users", users.Name);
        Assert.True(users.IsValid, users.ToString());
    }

    [Fact]
    public void A_value_that_cannot_be_a_kafka_connect_string_makes_the_connector_invalid_instead_of_failing_the_call()
    {
        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Name n -Property @{ 'connector.class' = $m; 'connection.uri' = $null }", new() { ["m"] = Mongo });

        result.AssertNoErrors();
        TestedConfig tested = ConfigValidation.Read(Assert.Single(result.Output));
        Assert.False(tested.IsValid);
        Assert.Contains("'connection.uri' is $null", Assert.Single(tested.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_value_appears_in_any_message_or_table_not_even_a_secret_that_fails_a_check()
    {
        const string uriSecret = "Uri-Secret-9f1";
        const string passwordSecret = "Pw-Secret-4c2";
        const string secureSecret = "Secure-Secret-77a";
        RunResult result = Run(
            "$r = Test-UpstashKafkaConnectorConfig -Name orders -Property @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSinkConnector'; " +
            "'connection.uri' = $uri; 'database.password' = $pw; 'tasks.max' = $pw; 'database.port' = $secure; 'errors.log.enable' = $secure; name = 'other' }; " +
            "$r; $r | Out-Default; $r.Problems | Out-Default; $r.ToString(); $r.Problems | ForEach-Object ToString",
            new()
            {
                ["uri"] = $"postgres://app:{uriSecret}@db",
                ["pw"] = passwordSecret,
                ["secure"] = new System.Net.NetworkCredential(string.Empty, secureSecret).SecurePassword,
            });

        result.AssertNoErrors();
        TestedConfig tested = ConfigValidation.Read(result.Output[0]);
        Assert.Equal(new[] { "collection", "connection.uri", "database", "database.port", "errors.log.enable", "name", "tasks.max", "topics" }, tested.Errors.Select(p => p.Key).Order(StringComparer.Ordinal));
        string exposed = result.AllText() + string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.Contains("database.port", exposed, StringComparison.Ordinal);
        Assert.DoesNotContain(uriSecret, exposed, StringComparison.Ordinal);
        Assert.DoesNotContain(secureSecret, exposed, StringComparison.Ordinal);
        Assert.DoesNotContain(passwordSecret, exposed, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_sets_keep_property_and_path_apart()
    {
        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Path . -Property @{ a = 1 }");

        Assert.Equal("AmbiguousParameterSet,Upstash.Kafka.Cmdlets.TestUpstashKafkaConnectorConfigCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
    }
}
