using System.Management.Automation;
using System.Net;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class NewConnectorTests : EmulatorSessionTest
{
    private const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";

    public NewConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private string ClusterId => EmulatorOptions.DemoClusterId;

    private IReadOnlyList<JournalEntry> Creates => Emulator.Server.Journal.Entries.Where(e => e.Method == "POST" && e.Path == "/v2/kafka/connector").ToList();

    private RunResult New(string name, System.Collections.Hashtable properties, string extra = "") =>
        Session.Run($"New-UpstashKafkaConnector -Name $n -ClusterId $c -Property $p {extra}", new Dictionary<string, object?> { ["n"] = name, ["c"] = ClusterId, ["p"] = properties });

    [Fact]
    public void Creates_a_connector_and_writes_a_typed_object_with_every_documented_field()
    {
        RunResult result = New("orders", ModuleSession.Properties(("connector.class", Mongo), ("connection.uri", "mongodb://app:hunter22@db:27017")));

        result.AssertNoErrors();
        PSObject output = Assert.Single(result.Output);
        Assert.Equal("Upstash.Kafka.KafkaConnector", output.BaseObject.GetType().FullName);
        Assert.Equal("orders", output.Properties["Name"].Value);
        Assert.Equal(ClusterId, output.Properties["ClusterId"].Value);
        Assert.Equal("pending", output.Properties["State"].Value);
        Assert.Equal(Mongo, output.Properties["ConnectorClass"].Value);
        Assert.Equal(EmulatorFixture.Email, output.Properties["CustomerId"].Value);
        Assert.True(Guid.TryParse((string)output.Properties["ConnectorId"].Value, out _));
        var created = Assert.IsType<DateTimeOffset>(output.Properties["CreationTime"].Value);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(output.Properties["DeletionTime"].Value);
        Assert.Equal(created.AddSeconds(1800), output.Properties["Ttl"].Value);
        Assert.Empty((Array)output.Properties["Tasks"].Value);
        Assert.Empty((string[])output.Properties["Topics"].Value);
        var properties = (IDictionary<string, string>)output.Properties["Properties"].Value;
        Assert.Equal("********", properties["connection.uri"]);
        Assert.Equal(Mongo, properties["connector.class"]);
    }

    [Fact]
    public void Posts_name_cluster_and_properties_once_with_json_headers_basic_auth_and_a_user_agent()
    {
        New("orders", ModuleSession.Properties(("connector.class", Mongo), ("connection.uri", "mongodb://db"))).AssertNoErrors();

        JournalEntry sent = Assert.Single(Creates);
        var body = JsonNode.Parse(sent.Body)!.AsObject();
        Assert.Equal(new[] { "name", "cluster_id", "properties" }, body.Select(p => p.Key));
        Assert.Equal("orders", (string?)body["name"]);
        Assert.Equal(ClusterId, (string?)body["cluster_id"]);
        Assert.Equal("mongodb://db", (string?)body["properties"]!["connection.uri"]);
        Assert.StartsWith("application/json", sent.Headers["Content-Type"]);
        Assert.Contains("application/json", sent.Headers["Accept"]);
        Assert.Matches(@"^Upstash\.Kafka/\d+\.\d+\.\d+ PowerShell/7\.\d+\.\d+ \(Core\)$", sent.Headers["User-Agent"]);
        string expectedAuth = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(EmulatorFixture.Email + ":" + Emulator.ApiKey));
        Assert.Equal(expectedAuth, sent.Headers["Authorization"]);
    }

    [Fact]
    public void Sends_numbers_booleans_lists_and_secure_strings_as_kafka_connect_strings_keeping_keys_as_given()
    {
        var secure = new NetworkCredential(string.Empty, "s3cret-from-securestring").SecurePassword;
        var credential = new PSCredential("dbuser", new NetworkCredential(string.Empty, "pw-from-credential").SecurePassword);
        RunResult result = New("typed", ModuleSession.Properties(
            ("connector.class", Mongo),
            ("tasks.max", 2),
            ("Key.Converter.Schemas.Enable", false),
            ("poll.ratio", 1.5),
            ("topics", new object[] { "orders", "refunds" }),
            ("database.token", secure),
            ("plain.field", credential)));

        result.AssertNoErrors();
        JsonObject properties = JsonNode.Parse(Assert.Single(Creates).Body)!["properties"]!.AsObject();
        Assert.Equal("2", (string?)properties["tasks.max"]);
        Assert.Equal("false", (string?)properties["Key.Converter.Schemas.Enable"]);
        Assert.Equal("1.5", (string?)properties["poll.ratio"]);
        Assert.Equal("orders,refunds", (string?)properties["topics"]);
        Assert.Equal("s3cret-from-securestring", (string?)properties["database.token"]);
        Assert.Equal("pw-from-credential", (string?)properties["plain.field"]);
        Assert.All(properties, p => Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKind(p.Value)));

        var shown = (IDictionary<string, string>)result.Output[0].Properties["Properties"].Value;
        Assert.Equal("********", shown["database.token"]);
        Assert.Equal("********", shown["plain.field"]);
        Assert.Equal("2", shown["tasks.max"]);
        Assert.DoesNotContain("pw-from-credential", result.AllText());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node!.GetValueKind();

    [Theory]
    [InlineData("null")]
    [InlineData("nested")]
    public void Refuses_null_and_nested_values_naming_the_key_and_sends_nothing(string kind)
    {
        object? value = kind == "null" ? null : new System.Collections.Hashtable { ["inner"] = "x" };
        RunResult result = New("bad", ModuleSession.Properties(("connector.class", Mongo), ("the.key", value)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("InvalidPropertyValue,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'the.key'", error.ToString());
        Assert.Empty(result.Output);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuses_a_missing_or_empty_connector_class_before_any_request(string? connectorClass)
    {
        var properties = ModuleSession.Properties(("connection.uri", "mongodb://db"));
        if (connectorClass != null)
        {
            properties["connector.class"] = connectorClass;
        }

        RunResult result = New("no-class", properties);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("MissingConnectorClass,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("no-class", error.TargetObject);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Fact]
    public void Refuses_a_masked_value_copied_from_a_connector_read_back_and_sends_nothing()
    {
        RunResult result = Session.Run(
            "[pscustomobject]@{ Name = 'copy'; ClusterId = $c; Properties = @{ 'connector.class' = 'x'; 'connection.uri' = '********' } } | New-UpstashKafkaConnector",
            new Dictionary<string, object?> { ["c"] = ClusterId });

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("MaskedPropertyValue,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'connection.uri'", error.Exception.Message);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Theory]
    [InlineData("-Name ' ' -ClusterId c")]
    [InlineData("-Name x -ClusterId '  '")]
    public void A_blank_name_or_cluster_is_refused_at_binding(string parameters)
    {
        RunResult result = Session.Run($"New-UpstashKafkaConnector {parameters} -Property @{{ 'connector.class' = 'x' }}");

        Assert.Equal("ParameterArgumentValidationError,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Fact]
    public void ConnectorClass_parameter_fills_the_property()
    {
        New("by-param", ModuleSession.Properties(("connection.uri", "mongodb://db")), "-ConnectorClass " + Mongo).AssertNoErrors();
        Assert.Equal(Mongo, (string?)JsonNode.Parse(Assert.Single(Creates).Body)!["properties"]!["connector.class"]);
    }

    [Fact]
    public void Creates_one_connector_per_pipeline_object_and_goes_on_after_a_failure()
    {
        RunResult result = Session.Run(
            """
            $p = @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; 'connection.uri' = 'mongodb://db' }
            @(
                [pscustomobject]@{ Name = 'orders';   ClusterId = $c; Property = $p }
                [pscustomobject]@{ Name = 'refunds';  ClusterId = 'no-such-cluster'; Property = $p }
                [pscustomobject]@{ Name = 'payments'; ClusterId = $c; Properties = $p }
            ) | New-UpstashKafkaConnector
            """,
            new Dictionary<string, object?> { ["c"] = ClusterId });

        Assert.Equal(new[] { "orders", "payments" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorNotFound,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("refunds", error.TargetObject);
        Assert.Equal(3, Creates.Count);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_writes_nothing()
    {
        RunResult result = New("orders", ModuleSession.Properties(("connector.class", Mongo)), "-WhatIf");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains("What if: Performing the operation \"Create Kafka connector\" on target \"connector 'orders' in cluster " + ClusterId, result.HostOutput);
    }

    [Fact]
    public void Confirm_asks_and_a_no_sends_nothing()
    {
        Session.Host.ChoiceAnswers.Enqueue(2); // No
        RunResult result = New("orders", ModuleSession.Properties(("connector.class", Mongo)), "-Confirm");

        Assert.Empty(result.Output);
        Assert.Contains(Session.Host.Prompts, p => p.Contains("connector 'orders'", StringComparison.Ordinal));
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Theory]
    [InlineData(ErrorBodyShape.ErrorObject)]
    [InlineData(ErrorBodyShape.MessageObject)]
    [InlineData(ErrorBodyShape.JsonString)]
    [InlineData(ErrorBodyShape.PlainText)]
    public void Reads_the_servers_text_from_every_error_body_shape(ErrorBodyShape shape)
    {
        Emulator.Server.Options.ErrorShape = shape;
        New("dup", ModuleSession.Properties(("connector.class", Mongo))).AssertNoErrors();
        RunResult result = New("dup", ModuleSession.Properties(("connector.class", Mongo)));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorConflict,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.EndsWith("400 Bad Request: connector dup already exists", error.Exception.Message);
    }

    [Fact]
    public void A_wrong_api_key_is_an_authentication_error_that_never_shows_the_key()
    {
        var wrong = new PSCredential(EmulatorFixture.Email, new NetworkCredential(string.Empty, "wrong-key-0123456789").SecurePassword);
        RunResult result = Session.Run(
            "New-UpstashKafkaConnector -Name x -ClusterId $c -Property @{ 'connector.class' = 'x' } -Credential $cred -Verbose -Debug",
            new Dictionary<string, object?> { ["c"] = ClusterId, ["cred"] = wrong });

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorUnauthorized,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.Exception.Message);
        Assert.DoesNotContain("wrong-key-0123456789", result.AllText());
        Assert.DoesNotContain(Emulator.ApiKey, result.AllText());
    }

    [Fact]
    public void ErrorAction_Stop_makes_an_api_error_terminating()
    {
        RunResult result = Session.Run(
            "New-UpstashKafkaConnector -Name x -ClusterId nope -Property @{ 'connector.class' = 'x' } -ErrorAction Stop; 'not reached'");

        Assert.NotNull(result.Terminating);
        Assert.Equal("NewConnectorNotFound,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", result.Terminating!.ErrorRecord.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Verbose_says_what_was_sent_and_debug_shows_the_body_with_secrets_masked()
    {
        RunResult result = New(
            "orders",
            ModuleSession.Properties(("connector.class", Mongo), ("connection.uri", "mongodb://app:hunter22@db"), ("database.password", "pa55word!")),
            "-Verbose -Debug");

        result.AssertNoErrors();
        Assert.Contains(result.Verbose, v => v == "POST /v2/kafka/connector");
        Assert.Contains(result.Verbose, v => v.StartsWith("POST /v2/kafka/connector answered 200 OK in ", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.StartsWith("Request body: ", StringComparison.Ordinal) && d.Contains("\"database.password\":\"********\"", StringComparison.Ordinal));
        string text = result.AllText();
        Assert.DoesNotContain("hunter22", text);
        Assert.DoesNotContain("pa55word!", text);
        Assert.DoesNotContain(Emulator.ApiKey, text);
    }
}
