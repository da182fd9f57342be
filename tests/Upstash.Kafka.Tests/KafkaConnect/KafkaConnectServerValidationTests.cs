using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.ConnectorsAsCode;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// Test-UpstashKafkaConnectorConfig given a Kafka Connect connection: each configuration is also sent to PUT
/// /connector-plugins/{class}/config/validate, the server's errors join the offline problems in the same result, a
/// class the worker lacks is an error naming the ones it has, and nothing secret shows. Without one, nothing is sent.
/// </summary>
public sealed class KafkaConnectServerValidationTests : KafkaConnectSessionTest, IDisposable
{
    private const string FileSource = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private const string Missing = "com.example.connect.NotInstalledSinkConnector";
    private const string UrlSecret = "Url-Secret-5d1";

    private readonly ConnectorFolder folder = new();
    private readonly TestVariables variables = new();

    public KafkaConnectServerValidationTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public new void Dispose()
    {
        folder.Dispose();
        variables.Dispose();
        base.Dispose();
    }

    private RunResult RunOnFolder(string script) => Run(script.Replace("$p", "'" + folder.Path.Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal));

    private IReadOnlyList<JournalEntry> Validations => Sent.Where(e => e.Method == "PUT" && e.Path.EndsWith("/config/validate", StringComparison.Ordinal)).ToList();

    private static List<TestedConfig> Results(RunResult result) => result.Output.Select(ConfigValidation.Read).ToList();

    /// <summary>A JDBC sink that both the offline checks and the emulated worker accept; its URL comes from a variable.</summary>
    private string GoodJdbcSink(string name, string urlVariable) =>
        folder.Json(name, new Dictionary<string, string>
        {
            ["connector.class"] = JdbcSink,
            ["topics"] = "orders",
            ["connection.url"] = "${env:" + urlVariable + "}",
            ["connection.user"] = "app",
            ["connection.password"] = Password,
            ["tasks.max"] = "1",
        });

    /// <summary>
    /// A FileStreamSource without the "topic" it requires: offline only a warning (a class Upstash did not host, whose
    /// keys the module does not know), so only the server can fail it.
    /// </summary>
    private string FileSourceWithoutTopic(string name) =>
        folder.Json(name, new Dictionary<string, string> { ["connector.class"] = FileSource, ["file"] = "/var/log/app.log" });

    [Fact]
    public void A_folder_tested_against_Kafka_Connect_fails_the_bad_file_by_the_servers_key_with_one_validate_per_file()
    {
        string url = variables.Set("KC_VALIDATE_URL", "jdbc:postgresql://db:5432/shop");
        string good = GoodJdbcSink("orders-archive", url);
        string bad = FileSourceWithoutTopic("app-log-source");

        RunResult offline = RunOnFolder("Test-UpstashKafkaConnectorConfig -Path $p");
        Emulator.Server.Journal.Clear();
        RunResult online = RunOnFolder("Test-UpstashKafkaConnectorConfig -Path $p -Connection $kc");
        RunResult quiet = RunOnFolder("Test-UpstashKafkaConnectorConfig -Path $p -Connection $kc -Quiet");

        // Offline both pass: the file source's missing topic is a thing only its worker knows.
        offline.AssertNoErrors();
        Assert.All(Results(offline), r => Assert.True(r.IsValid, r.ToString()));

        online.AssertNoErrors();
        List<TestedConfig> tested = Results(online);
        Assert.Equal(new[] { "app-log-source", "orders-archive" }, tested.Select(t => t.Name));
        TestedConfig failed = tested[0];
        Assert.Equal(bad, failed.Path);
        Assert.False(failed.IsValid);
        Problem topic = failed.Single("Error", "topic");
        Assert.Contains("Missing required configuration \"topic\"", topic.Message, StringComparison.Ordinal);
        // Against Kafka Connect, "not one Upstash hosted" is no warning: any installed plugin runs there.
        Assert.DoesNotContain(failed.Warnings, w => w.Key == "connector.class");
        Assert.Equal(good, tested[1].Path);
        Assert.True(tested[1].IsValid, tested[1].ToString());
        Assert.False(quiet.Single<bool>());

        // One validate per file, to the class's path, with the variable resolved and the file's name added; only Kafka Connect was called.
        Assert.Equal(4, Validations.Count); // Two for the results, two for -Quiet.
        JournalEntry[] first = Validations.Take(2).ToArray();
        Assert.Equal($"/connector-plugins/{FileSource}/config/validate", first[0].Path);
        Assert.Equal($"/connector-plugins/{JdbcSink}/config/validate", first[1].Path);
        JsonObject sentGood = JsonNode.Parse(first[1].Body)!.AsObject();
        Assert.Equal("jdbc:postgresql://db:5432/shop", (string?)sentGood["connection.url"]);
        Assert.Equal("orders-archive", (string?)sentGood["name"]);
        Assert.Equal(Password, (string?)sentGood["connection.password"]);
        Assert.Equal("app-log-source", (string?)JsonNode.Parse(first[0].Body)!["name"]);
        Assert.Empty(SentToUpstash);
        Assert.DoesNotContain(Sent, e => e.Method != "PUT" && e.Method != "GET");
    }

    [Fact]
    public void A_class_the_worker_lacks_is_an_object_not_found_error_naming_the_classes_it_has_and_the_result_is_still_written()
    {
        string first = folder.Json("legacy-sink", new Dictionary<string, string> { ["connector.class"] = Missing, ["topics"] = "orders" });
        folder.Json("old-sink", new Dictionary<string, string> { ["connector.class"] = Missing, ["topics"] = "payments" });

        RunResult result = RunOnFolder("Test-UpstashKafkaConnectorConfig -Path $p -Connection $kc");

        Assert.Equal(2, result.Errors.Count);
        ErrorRecord error = result.Errors[0];
        Assert.Equal("ConnectorClassNotInstalled,Upstash.Kafka.Cmdlets.TestUpstashKafkaConnectorConfigCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(first, error.TargetObject);
        string message = error.Exception.Message;
        Assert.Contains(Missing, message, StringComparison.Ordinal);
        Assert.Contains(JdbcSink, message, StringComparison.Ordinal);
        Assert.Contains("com.mongodb.kafka.connect.MongoSourceConnector", message, StringComparison.Ordinal);
        Assert.Contains(FileSource, message, StringComparison.Ordinal);
        Assert.DoesNotContain("org.apache.kafka.connect.transforms", message, StringComparison.Ordinal); // Connectors only.

        List<TestedConfig> tested = Results(result);
        Assert.Equal(new[] { "legacy-sink", "old-sink" }, tested.Select(t => t.Name));
        Assert.All(tested, t => Assert.False(t.IsValid));
        Assert.Contains(JdbcSink, tested[0].Single("Error", "connector.class").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tested[0].Warnings, w => w.Message.Contains("not one Upstash hosted", StringComparison.Ordinal));

        // The installed classes are read once for the whole call.
        Assert.Equal(2, Validations.Count);
        Assert.Single(Sent, e => e.Method == "GET" && e.Path == "/connector-plugins");
    }

    [Fact]
    public void No_secret_appears_in_output_verbose_debug_or_errors_even_where_the_server_quotes_a_value()
    {
        const string unrecognised = "Batch-Secret-93e";
        string url = variables.Set("KC_VALIDATE_SECRET_URL", $"jdbc:postgresql://app:{UrlSecret}@db:5432/shop");
        folder.Json("orders-archive", new Dictionary<string, string>
        {
            ["connector.class"] = JdbcSink,
            ["topics"] = "orders",
            ["connection.url"] = "${env:" + url + "}",
            ["connection.user"] = "app",
            ["connection.password"] = Password,
            ["tasks.max"] = Password,
        });
        folder.Json("app-log-source", new Dictionary<string, string> { ["connector.class"] = FileSource, ["topic"] = "logs", ["batch.size"] = unrecognised });
        folder.Json("legacy-sink", new Dictionary<string, string> { ["connector.class"] = Missing, ["topics"] = "orders", ["connection.password"] = Password });

        RunResult result = RunOnFolder(
            "$DebugPreference = 'Continue'; $r = Test-UpstashKafkaConnectorConfig -Path $p -Connection $kc -Verbose; " +
            "$r; $r | Out-Default; $r.Problems | Out-Default; $r | ForEach-Object ToString; $r.Problems | ForEach-Object ToString");

        // The server did see the secrets (so they were there to leak) and refused tasks.max and batch.size by quoting them.
        Assert.Contains(Validations, e => e.Body.Contains(Password, StringComparison.Ordinal) && e.Body.Contains(UrlSecret, StringComparison.Ordinal));
        List<TestedConfig> tested = result.Output.Where(o => o.BaseObject.GetType().Name == "ConnectorConfigTestResult").Select(ConfigValidation.Read).ToList();
        Assert.Contains(tested.Single(t => t.Name == "orders-archive").Errors, p => p.Key == "tasks.max" && p.Message.StartsWith("Kafka Connect refuses tasks.max", StringComparison.Ordinal));
        Problem batch = tested.Single(t => t.Name == "app-log-source").Single("Error", "batch.size");
        Assert.Contains("Not a number of type INT", batch.Message, StringComparison.Ordinal);
        Assert.Contains(result.Debug, d => d.StartsWith("Request body:", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.StartsWith("Response body:", StringComparison.Ordinal));
        Assert.Equal("ConnectorClassNotInstalled", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);

        string exposed = result.AllText();
        Assert.DoesNotContain(Password, exposed, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlSecret, exposed, StringComparison.Ordinal);

        // A value no rule calls secret is shown in -Debug's request body, as every cmdlet shows it; but a problem never
        // quotes a value, not even where the server's words do ("Invalid value ... for configuration batch.size").
        string reported = string.Join("\n", result.Output.Select(o => o.ToString())) + string.Join("\n", result.HostOutput.Split('\n').Where(l => !l.StartsWith("DEBUG:", StringComparison.Ordinal)))
            + string.Join("\n", result.Verbose.Concat(result.Warnings).Concat(result.Errors.Select(e => e.ToString()))) + string.Join("\n", tested.SelectMany(t => t.Problems).Select(p => p.Text));
        Assert.Contains("batch.size", reported, StringComparison.Ordinal);
        Assert.DoesNotContain(unrecognised, reported, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Upstash_default_sends_nothing_and_a_Kafka_Connect_default_is_asked()
    {
        FileSourceWithoutTopic("app-log-source");

        RunResult upstash = RunOnFolder("Test-UpstashKafkaConnectorConfig -Path $p");
        RunResult upstashGiven = Session.Run(
            "Test-UpstashKafkaConnectorConfig -Path $p -Connection (Connect-UpstashKafka -Credential $c -ApiUri $a -NotDefault -PassThru)",
            new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = Emulator.Credential, ["a"] = Emulator.BaseUri });
        IReadOnlyList<JournalEntry> beforeDefault = Sent;
        RunResult kafkaConnect = RunOnFolder("Connect-UpstashKafka -KafkaConnectUri $u; Test-UpstashKafkaConnectorConfig -Path $p");

        upstash.AssertNoErrors();
        upstashGiven.AssertNoErrors();
        Assert.True(Assert.Single(Results(upstash)).IsValid);
        Assert.True(Assert.Single(Results(upstashGiven)).IsValid);
        Assert.DoesNotContain(beforeDefault, e => e.Method != "GET" || e.Path.StartsWith("/connector", StringComparison.Ordinal) || e.Path.StartsWith("/v2/kafka/connector", StringComparison.Ordinal));

        kafkaConnect.AssertNoErrors();
        Assert.False(Assert.Single(Results(kafkaConnect)).IsValid);
        Assert.Single(Validations);

        // -Credential means Upstash, even over a Kafka Connect default: offline again.
        RunResult credential = Session.Run("Test-UpstashKafkaConnectorConfig -Path $p -Credential $c", new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = Emulator.Credential });
        credential.AssertNoErrors();
        Assert.True(Assert.Single(Results(credential)).IsValid);
        Assert.Single(Validations);
    }

    [Fact]
    public void A_hashtable_without_a_name_is_sent_with_a_placeholder_and_what_the_server_says_of_it_is_dropped()
    {
        Emulator.Server.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ReplaceBody,
            Method = "PUT",
            Path = "/connector-plugins/*/config/validate",
            Body = """
                {"name":"org.apache.kafka.connect.file.FileStreamSourceConnector","error_count":2,"groups":["Common"],"configs":[
                 {"definition":null,"value":{"name":"name","value":"x","recommended_values":[],"errors":["Connector name is reserved"],"visible":true}},
                 {"definition":null,"value":{"name":"topic","value":null,"recommended_values":[],"errors":["Topic logs is not allowed here"],"visible":true}}]}
                """,
        });

        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Property @{ 'connector.class' = $v; topic = 'logs' } -Connection $kc", FileSource);

        result.AssertNoErrors();
        TestedConfig tested = ConfigValidation.Read(Assert.Single(result.Output));
        Assert.Equal(string.Empty, tested.Name);
        Assert.Equal("Kafka Connect refuses topic: Topic logs is not allowed here", Assert.Single(tested.Errors).Message);
        Assert.Equal("upstash-kafka-validate-placeholder", (string?)JsonNode.Parse(Assert.Single(Validations).Body)!["name"]);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_one_error_then_the_rest_is_tested_offline_and_quiet_answers_false()
    {
        FileSourceWithoutTopic("app-log-source");
        FileSourceWithoutTopic("audit-log-source");

        RunResult result = RunOnFolder(
            "$down = Connect-UpstashKafka -KafkaConnectUri 'http://127.0.0.1:9/' -NotDefault -PassThru; " +
            "Test-UpstashKafkaConnectorConfig -Path $p -Connection $down -MaxRetry 0; Test-UpstashKafkaConnectorConfig -Path $p -Connection $down -MaxRetry 0 -Quiet");

        ErrorRecord error = result.Errors[0];
        Assert.Equal("ValidateConnectorConfigConnectionFailed,Upstash.Kafka.Cmdlets.TestUpstashKafkaConnectorConfigCommand", error.FullyQualifiedErrorId);
        Assert.Equal(2, result.Errors.Count); // One per call, not one per file.
        Assert.Equal(2, result.Warnings.Count(w => w.Contains("checked offline only", StringComparison.Ordinal)));
        List<TestedConfig> tested = result.Output.Take(2).Select(ConfigValidation.Read).ToList();
        Assert.Equal(new[] { "app-log-source", "audit-log-source" }, tested.Select(t => t.Name));
        Assert.False(Assert.IsType<bool>(result.Output[2].BaseObject));
    }

    [Fact]
    public void A_kafka_connect_connection_given_as_null_stops_with_invalid_connection()
    {
        RunResult result = Run("Test-UpstashKafkaConnectorConfig -Property @{ 'connector.class' = $v } -Connection $null", FileSource);

        Assert.Equal("InvalidConnection,Upstash.Kafka.Cmdlets.TestUpstashKafkaConnectorConfigCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Validations);
    }
}
