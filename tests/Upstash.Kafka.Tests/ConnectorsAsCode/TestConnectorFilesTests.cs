using System.Management.Automation;
using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>Test-UpstashKafkaConnectorConfig -Path: files, folders, wildcards, the pipeline, unreadable and duplicate files.</summary>
public sealed class TestConnectorFilesTests : IClassFixture<ImportedModuleFixture>, IDisposable
{
    private const string ValidJson = """{"name": "orders", "config": {"connector.class": "com.mongodb.kafka.connect.MongoSourceConnector", "connection.uri": "mongodb://db", "tasks.max": 2}}""";
    private const string InvalidProperties = "name=users\nconnector.class=io.debezium.connector.mysql.MySqlConnector\ndatabase.hostname=db\n";

    private readonly ModuleSession session;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "upstash-validate-" + Guid.NewGuid().ToString("N"));

    public TestConnectorFilesTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private RunResult Run(string script) => session.Run(script, new Dictionary<string, object?> { ["folder"] = folder });

    private static List<TestedConfig> Results(RunResult result) => result.Output.Select(ConfigValidation.Read).ToList();

    [Fact]
    public void A_folder_gives_one_result_per_json_and_properties_file_in_name_order_with_its_path()
    {
        string orders = Write("orders.json", ValidJson);
        string users = Write("users.properties", InvalidProperties);
        Write("notes.txt", "not a connector");
        Directory.CreateDirectory(Path.Combine(folder, "below"));
        File.WriteAllText(Path.Combine(folder, "below", "deeper.json"), ValidJson.Replace("orders", "deeper", StringComparison.Ordinal));

        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Path $folder");

        result.AssertNoErrors();
        List<TestedConfig> tested = Results(result);
        Assert.Equal(new[] { "orders", "users" }, tested.Select(t => t.Name));
        Assert.Equal(new[] { orders, users }, tested.Select(t => t.Path));
        Assert.True(tested[0].IsValid, tested[0].ToString());
        Assert.False(tested[1].IsValid);
        tested[1].Single("Error", "database.user");
        tested[1].Single("Error", "topic.prefix");
    }

    [Fact]
    public void Files_wildcards_and_piped_file_objects_are_tested_and_a_file_named_twice_once()
    {
        Write("orders.json", ValidJson);
        Write("users.properties", InvalidProperties);

        // Only core cmdlets exist in the test runspace: no Join-Path, Get-ChildItem or Push-Location.
        RunResult wildcard = Run("Test-UpstashKafkaConnectorConfig -Path \"$folder/u*\", \"$folder/users.properties\"");
        RunResult piped = Run("[IO.DirectoryInfo]::new($folder).GetFiles('*.json') | Test-UpstashKafkaConnectorConfig");
        RunResult relative = Run(
            "$here = $ExecutionContext.SessionState.Path.CurrentLocation; $null = $ExecutionContext.SessionState.Path.SetLocation($folder); " +
            "try { Test-UpstashKafkaConnectorConfig orders.json } finally { $null = $ExecutionContext.SessionState.Path.SetLocation($here) }");

        wildcard.AssertNoErrors();
        piped.AssertNoErrors();
        relative.AssertNoErrors();
        Assert.Equal("users", Assert.Single(Results(wildcard)).Name);
        Assert.Equal("orders", Assert.Single(Results(piped)).Name);
        Assert.Equal("orders", Assert.Single(Results(relative)).Name);
    }

    [Fact]
    public void A_file_that_is_not_a_connector_is_an_invalid_result_named_after_the_file_and_the_others_go_on()
    {
        string broken = Write("broken.json", """{"name": "broken", """);
        string bare = Write("bare.json", """{"connector.class": "x.Y"}""");
        Write("orders.json", ValidJson);

        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Path $folder");

        result.AssertNoErrors();
        List<TestedConfig> tested = Results(result);
        Assert.Equal(new[] { "bare", "broken", "orders" }, tested.Select(t => t.Name));
        Problem notJson = Assert.Single(tested[1].Problems);
        Assert.Equal(("", "Error"), (notJson.Key, notJson.Severity));
        Assert.Contains(broken, notJson.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", notJson.Message, StringComparison.Ordinal);
        Assert.Contains("wrap it", Assert.Single(tested[0].Problems).Message, StringComparison.Ordinal);
        Assert.Equal(bare, tested[0].Path);
        Assert.True(tested[2].IsValid);
    }

    [Fact]
    public void A_connector_described_by_two_files_is_an_error_on_both_as_sync_refuses_it()
    {
        string json = Write("orders.json", ValidJson);
        string properties = Write("orders-copy.properties", "name=orders\nconnector.class=com.mongodb.kafka.connect.MongoSourceConnector\nconnection.uri=mongodb://db\n");

        List<TestedConfig> tested = Results(Run("Test-UpstashKafkaConnectorConfig -Path $folder"));

        Assert.Equal(2, tested.Count);
        Assert.All(tested, t => Assert.False(t.IsValid));
        Assert.Contains(json, tested.Single(t => t.Path == properties).Single("Error", "name").Message, StringComparison.Ordinal);
        Assert.Contains(properties, tested.Single(t => t.Path == json).Single("Error", "name").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_is_compared_with_a_name_in_its_config_and_references_resolve_from_the_environment()
    {
        string variable = "UPSTASH_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        Write("orders.json", $$$"""{"name": "orders", "config": {"name": "orders-v2", "connector.class": "com.mongodb.kafka.connect.MongoSourceConnector", "connection.uri": "${env:{{{variable}}}}"}}""");

        TestedConfig unset = Assert.Single(Results(Run("Test-UpstashKafkaConnectorConfig -Path $folder")));
        Environment.SetEnvironmentVariable(variable, "not-a-mongodb-uri");
        TestedConfig wrongValue;
        try
        {
            wrongValue = Assert.Single(Results(Run("Test-UpstashKafkaConnectorConfig -Path $folder")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        unset.Single("Error", "name");
        Assert.Contains(variable, unset.Single("Error", "connection.uri").Message, StringComparison.Ordinal);
        Assert.Contains("mongodb://", wrongValue.Single("Error", "connection.uri").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_names_nothing_is_an_object_not_found_error_the_other_paths_go_on_and_quiet_answers_false()
    {
        Write("orders.json", ValidJson);
        string missing = Path.Combine(folder, "missing.json");

        RunResult results = session.Run("Test-UpstashKafkaConnectorConfig -Path $m, $folder", new Dictionary<string, object?> { ["m"] = missing, ["folder"] = folder });
        RunResult quiet = session.Run("Test-UpstashKafkaConnectorConfig -Path $m, $folder -Quiet", new Dictionary<string, object?> { ["m"] = missing, ["folder"] = folder });
        RunResult quietValid = Run("Test-UpstashKafkaConnectorConfig -Path $folder -Quiet");

        ErrorRecord error = Assert.Single(results.Errors);
        Assert.Equal("ConnectorPathNotFound,Upstash.Kafka.Cmdlets.TestUpstashKafkaConnectorConfigCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(missing, error.TargetObject);
        Assert.Equal("orders", Assert.Single(Results(results)).Name);
        Assert.False(Assert.IsType<bool>(Assert.Single(quiet.Output).BaseObject));
        Assert.True(Assert.IsType<bool>(Assert.Single(quietValid.Output).BaseObject));
    }

    [Fact]
    public void An_empty_folder_warns_and_is_not_a_pass()
    {
        RunResult quiet = Run("Test-UpstashKafkaConnectorConfig -Path $folder -Quiet");

        Assert.Contains("no *.json or *.properties", Assert.Single(quiet.Warnings), StringComparison.Ordinal);
        Assert.False(Assert.IsType<bool>(Assert.Single(quiet.Output).BaseObject));
    }
}
