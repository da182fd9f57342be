using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>Masked values, ${env:...} references and the config's own name.</summary>
public sealed class ReferenceAndNameValidationTests : IClassFixture<ImportedModuleFixture>
{
    private const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";

    private readonly ModuleSession session;

    public ReferenceAndNameValidationTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    private TestedConfig Test(string? name, params string[] changes) => ConfigValidation.Property(session, HostedConfigs.For(Mongo, changes), name);

    /// <summary>A variable name no other test or process uses, so setting it needs no process-wide lock.</summary>
    private static string UniqueVariable() => "UPSTASH_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    [Fact]
    public void A_masked_value_copied_from_get_output_is_an_error_on_its_key()
    {
        TestedConfig result = Test(null, "connection.uri=********", "database.password= ******** ");

        Assert.False(result.IsValid);
        Assert.Contains("mask", result.Single("Error", "connection.uri").Message, StringComparison.Ordinal);
        result.Single("Error", "database.password");
    }

    [Fact]
    public void A_reference_to_an_unset_variable_is_one_error_naming_the_variable_and_nothing_else_about_that_key()
    {
        string variable = UniqueVariable();

        TestedConfig result = Test(null, $"connection.uri=${{env:{variable}}}");

        Assert.False(result.IsValid);
        Problem problem = Assert.Single(result.Problems);
        Assert.Equal("connection.uri", problem.Key);
        Assert.Contains(variable, problem.Message, StringComparison.Ordinal);
        Assert.Contains("not set", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_set_variable_is_checked_by_the_value_it_gives()
    {
        string good = UniqueVariable();
        string bad = UniqueVariable();
        Environment.SetEnvironmentVariable(good, "mongodb://app:pw@db:27017");
        Environment.SetEnvironmentVariable(bad, "4 tasks");
        try
        {
            Assert.True(Test(null, $"connection.uri=${{env:{good}}}").IsValid);
            TestedConfig result = Test(null, $"connection.uri=${{env:{good}}}", $"tasks.max=${{env:{bad}}}");
            result.Single("Error", "tasks.max");
        }
        finally
        {
            Environment.SetEnvironmentVariable(good, null);
            Environment.SetEnvironmentVariable(bad, null);
        }
    }

    [Fact]
    public void A_required_key_given_by_an_unset_variable_is_not_also_reported_missing()
    {
        TestedConfig result = Test(null, $"connection.uri=${{env:{UniqueVariable()}}}", "transforms=r", $"transforms.r.type=${{env:{UniqueVariable()}}}");

        Assert.Equal(new[] { "connection.uri", "transforms.r.type" }, result.Problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Contains("not set", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_another_config_provider_is_a_warning_that_it_is_sent_as_written()
    {
        TestedConfig result = Test(null, "database.password=${file:/etc/kafka/secrets.properties:db.password}");

        Assert.True(result.IsValid);
        Assert.Contains("'file'", result.Single("Warning", "database.password").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_inside_the_config_must_equal_the_connectors_name()
    {
        TestedConfig differs = Test("orders-source", "name=orders");
        TestedConfig same = Test("orders-source", "name=orders-source");
        TestedConfig noName = Test(null, "name=orders");

        Problem problem = differs.Single("Error", "name");
        Assert.Contains("'orders'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'orders-source'", problem.Message, StringComparison.Ordinal);
        Assert.True(same.IsValid);
        Assert.Equal("orders-source", same.Name);
        Assert.True(noName.IsValid);
        Assert.Equal("orders", noName.Name);
    }
}
