using System.Management.Automation;
using System.Net;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class SetConnectorTests : EmulatorSessionTest
{
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.SetUpstashKafkaConnectorCommand";
    private readonly string id;

    public SetConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.FromMinutes(10);
        id = Add(Emulator.Server, "orders");
    }

    private IReadOnlyList<JournalEntry> Updates => Emulator.Server.Journal.Entries.Where(e => e.Method == "POST" && e.Path == "/v2/kafka/update-connector/" + id).ToList();

    private JsonObject SentMap => JsonNode.Parse(Assert.Single(Updates).Body)!.AsObject();

    private RunResult Set(string arguments, object? value = null) =>
        Session.Run("Set-UpstashKafkaConnector -ConnectorId $id " + arguments, new Dictionary<string, object?> { ["id"] = id, ["v"] = value });

    [Fact]
    public void Property_merges_into_the_current_configuration_and_posts_the_complete_flat_map()
    {
        Set("-Property @{ 'tasks.max' = 3; 'topic.prefix' = 'shop' }").AssertNoErrors();

        JsonObject sent = SentMap;
        Assert.Equal(Mongo, (string?)sent["connector.class"]);
        Assert.Equal(MongoUri, (string?)sent["connection.uri"]);
        Assert.Equal("3", (string?)sent["tasks.max"]);
        Assert.Equal("shop", (string?)sent["topic.prefix"]);
        Assert.Equal(4, sent.Count);
        Assert.Null(sent["properties"]);
        Assert.Equal("GET", Emulator.Server.Journal.Entries[0].Method);
        Assert.Equal("pending", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void RemoveProperty_sends_everything_else()
    {
        Set("-RemoveProperty 'tasks.max'").AssertNoErrors();

        Assert.Equal(new[] { "connector.class", "connection.uri" }, SentMap.Select(p => p.Key).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Replace_makes_Property_the_whole_configuration_keeping_the_connector_class()
    {
        Set("-Replace -Property @{ 'connection.uri' = 'mongodb://new-host'; 'copy.existing' = $true }").AssertNoErrors();

        JsonObject sent = SentMap;
        Assert.Equal(3, sent.Count);
        Assert.Equal(Mongo, (string?)sent["connector.class"]);
        Assert.Equal("mongodb://new-host", (string?)sent["connection.uri"]);
        Assert.Equal("true", (string?)sent["copy.existing"]);
        Assert.Null(sent["tasks.max"]);
        Assert.Equal("mongodb://new-host", (string?)PropertiesOf(Emulator.Server, id)["connection.uri"]);
    }

    [Fact]
    public void Refuses_the_masked_value_of_a_piped_connector_and_sends_nothing()
    {
        RunResult result = Session.Run(
            """
            $c = Get-UpstashKafkaConnector -ConnectorId $id
            $c.Properties['tasks.max'] = '5'
            $c | Set-UpstashKafkaConnector -Property $c.Properties
            """,
            new Dictionary<string, object?> { ["id"] = id });

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("MaskedPropertyValue" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'connection.uri'", error.Exception.Message);
        Assert.Single(Emulator.Server.Journal.Entries);
        Assert.Equal(MongoUri, (string?)PropertiesOf(Emulator.Server, id)["connection.uri"]);
    }

    [Fact]
    public void A_piped_connector_is_reconfigured_by_its_id()
    {
        RunResult result = Session.Run(
            "Get-UpstashKafkaConnector -Name orders | Set-UpstashKafkaConnector -Property @{ 'tasks.max' = '2' } -PassThru");

        PSObject updated = result.SingleConnector();
        Assert.Equal(id, updated.Text("ConnectorId"));
        Assert.Equal("pending", updated.State());
        Assert.Equal("2", updated.ConnectorProperties()["tasks.max"]);
        Assert.Equal("********", updated.ConnectorProperties()["connection.uri"]);
        Assert.Equal("2", (string?)SentMap["tasks.max"]);
    }

    [Fact]
    public void Secrets_stay_masked_in_output_verbose_and_debug()
    {
        var secure = new NetworkCredential(string.Empty, "new-s3cret-value").SecurePassword;
        RunResult result = Set("-Property @{ 'database.password' = 'pa55word-set'; 'plain.field' = $v } -PassThru -Verbose -Debug", secure);

        result.AssertNoErrors();
        PSObject updated = result.SingleConnector();
        Assert.Equal("********", updated.ConnectorProperties()["database.password"]);
        Assert.Equal("********", updated.ConnectorProperties()["plain.field"]);
        Assert.Equal("new-s3cret-value", (string?)SentMap["plain.field"]);
        Assert.Contains(result.Debug, d => d.StartsWith("Request body: ", StringComparison.Ordinal));
        string text = result.AllText();
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain("pa55word-set", text);
        Assert.DoesNotContain("new-s3cret-value", text);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_what_would_change()
    {
        RunResult result = Set("-Property @{ 'tasks.max' = 3 } -RemoveProperty 'topic.prefix' -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains("Reconfigure Kafka connector: set tasks.max; remove topic.prefix", result.HostOutput);
    }

    [Fact]
    public void An_unchanged_configuration_is_not_posted()
    {
        RunResult result = Set("-Property @{ 'tasks.max' = '1' } -PassThru -Verbose");

        result.AssertNoErrors();
        Assert.Empty(Updates);
        Assert.Equal("running", result.SingleConnector().State());
        Assert.Contains(result.Verbose, v => v.Contains("already has this configuration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-RemoveProperty 'connector.class'", "ConnectorClassRequired")]
    [InlineData("-RemoveProperty @()", "ParameterArgumentValidationError")]
    [InlineData("", "NoPropertyChange")]
    [InlineData("-Property @{ 'x' = $null }", "InvalidPropertyValue")]
    public void Refuses_changes_that_cannot_work_before_sending_anything(string arguments, string errorId)
    {
        RunResult result = Set(arguments);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Fact]
    public void An_unknown_connector_is_an_ObjectNotFound_error()
    {
        RunResult result = Session.Run("Set-UpstashKafkaConnector -ConnectorId 'no-such-id' -Property @{ a = 'b' }");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SetConnectorNotFound" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(Updates);
    }

    [Fact]
    public void Wait_follows_the_new_configuration_until_it_runs()
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;

        RunResult result = Set("-Property @{ 'tasks.max' = '2' } -Wait");

        result.AssertNoErrors();
        PSObject running = result.SingleConnector();
        Assert.Equal("running", running.State());
        Assert.Equal("2", running.ConnectorProperties()["tasks.max"]);
    }

    [Fact]
    public void Wait_reports_a_configuration_the_service_rejects_with_its_message()
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;

        RunResult result = Set("-Property @{ 'connection.uri' = 'postgres://wrong' } -Wait");

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorFailed" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Contains("Connection strings must start with either 'mongodb://' or 'mongodb+srv://", error.Exception.Message);
    }
}
