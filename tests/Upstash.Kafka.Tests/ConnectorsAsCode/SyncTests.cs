using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>Sync-UpstashKafkaConnector against the emulator, with the journal proving what was sent.</summary>
public sealed class SyncTests : EmulatorSessionTest, IDisposable
{
    private const string Secret = "mongodb://app:SyncTest-Secret-1@db.example:27017";
    private readonly ConnectorFolder folder = new();
    private readonly TestVariables variables = new();

    public SyncTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;
    }

    private EmulatorServer Server => Emulator.Server;

    private RunResult Sync(string extra = "") => Session.Run(
        $"Sync-UpstashKafkaConnector -Path $p -ClusterId $c {extra}",
        new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = EmulatorOptions.DemoClusterId });

    private int Changes => Server.Journal.Entries.Count(e => e.Method != "GET");

    [Fact]
    public void Creates_what_is_missing_and_a_second_sync_sends_no_change_at_all()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        folder.MongoFromVariable("orders", uri);
        folder.MongoFromVariable("billing", uri, "PAUSED");

        RunResult first = Sync();
        first.AssertNoErrors();
        Assert.Equal(new[] { "billing", "orders" }, first.Output.Select(o => (string)o.Properties["Name"].Value).Order());
        Assert.All(first.Output, o => Assert.Equal("Created", o.Properties["Outcome"].Value.ToString()));
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        Assert.Equal("paused", ConnectorSeed.StateOf(Server, IdOf("billing")));
        Assert.Equal(Secret, ConnectorSeed.PropertiesOf(Server, IdOf("orders"))["connection.uri"]!.ToString());

        int changesBefore = Changes;
        RunResult second = Sync();
        second.AssertNoErrors();
        Assert.All(second.Output, o => Assert.Equal("Unchanged", o.Properties["Outcome"].Value.ToString()));
        Assert.Equal(changesBefore, Changes);
        Assert.DoesNotContain("SyncTest-Secret-1", first.AllText() + second.AllText());
    }

    [Fact]
    public void Reconfigures_with_the_complete_map_and_follows_initial_state()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        string id = ConnectorSeed.Add(Server, "orders", properties: new JsonObject { ["connector.class"] = ConnectorFolder.Mongo, ["connection.uri"] = Secret, ["tasks.max"] = "1", ["stale.key"] = "x" });
        folder.Json("orders", new Dictionary<string, string> { ["connector.class"] = ConnectorFolder.Mongo, ["connection.uri"] = "${env:" + uri + "}", ["tasks.max"] = "2" }, "PAUSED");

        RunResult result = Sync();

        result.AssertNoErrors();
        var synced = Assert.IsType<KafkaConnectorSyncResultView>(KafkaConnectorSyncResultView.From(Assert.Single(result.Output)));
        Assert.Equal("Updated", synced.Outcome);
        Assert.Equal(new[] { "~ tasks.max: 1 -> 2", "- stale.key" }.Order(), synced.Changes.Order());
        JsonObject stored = ConnectorSeed.PropertiesOf(Server, id);
        Assert.Equal(3, stored.Count);
        Assert.Equal("2", stored["tasks.max"]!.ToString());
        Assert.Equal("paused", ConnectorSeed.StateOf(Server, id));

        folder.Json("orders", new Dictionary<string, string> { ["connector.class"] = ConnectorFolder.Mongo, ["connection.uri"] = "${env:" + uri + "}", ["tasks.max"] = "2" }, "RUNNING");
        RunResult resumed = Sync();
        resumed.AssertNoErrors();
        Assert.Equal("Resume", Assert.Single(resumed.Output).Properties["StateChange"].Value.ToString());
        Assert.Equal("running", ConnectorSeed.StateOf(Server, id));
        Assert.Equal(1, Server.Journal.Count("POST", "/v2/kafka/update-connector/"));
    }

    [Fact]
    public void A_missing_variable_names_itself_and_the_file_and_stops_only_that_connector()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        folder.MongoFromVariable("good", uri);
        string bad = folder.MongoFromVariable("bad", "SYNC_NOT_SET_ANYWHERE_42");

        RunResult result = Sync();

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("EnvironmentVariableNotSet", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("SYNC_NOT_SET_ANYWHERE_42", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(bad, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Server.Store.ConnectorCount("bad"));
        Assert.Equal(1, Server.Store.ConnectorCount("good"));
        Assert.Equal(1, Server.Journal.Count("POST", "/v2/kafka/connector"));
    }

    [Fact]
    public void An_invalid_or_unreadable_file_stops_only_its_own_connector_and_prune_then_removes_nothing()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        folder.MongoFromVariable("good", uri);
        folder.Json("invalid", new Dictionary<string, string> { ["connector.class"] = ConnectorFolder.Mongo, ["connection.uri"] = "http://not-mongo" });
        folder.Write("broken.json", "{\"name\": \"broken\", \"config\": ");
        ConnectorSeed.Add(Server, "leftover");

        RunResult result = Sync("-Prune -Force");

        Assert.Equal(new[] { "InvalidConnectorConfig", "InvalidConnectorFile" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order());
        Assert.Equal(1, Server.Store.ConnectorCount("good"));
        Assert.Equal(0, Server.Store.ConnectorCount("invalid"));
        Assert.Equal(1, Server.Store.ConnectorCount("leftover"));
        Assert.Contains(result.Warnings, w => w.Contains("-Prune removes nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_shows_the_plan_and_sends_nothing_but_reads()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        folder.MongoFromVariable("orders", uri);
        ConnectorSeed.Add(Server, "leftover");

        RunResult result = Sync("-Prune -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Equal(0, Changes);
        Assert.Contains("Create Kafka connector", result.HostOutput, StringComparison.Ordinal);
        Assert.Contains("Remove Kafka connector", result.HostOutput, StringComparison.Ordinal);
        Assert.Empty(Session.Host.Prompts);
    }

    [Fact]
    public void Prune_with_Force_removes_the_connectors_no_file_names_and_without_Prune_they_are_only_reported()
    {
        string uri = variables.Set("SYNC_URI", Secret);
        folder.MongoFromVariable("orders", uri);
        ConnectorSeed.Add(Server, "leftover");

        RunResult kept = Sync();
        kept.AssertNoErrors();
        Assert.Contains(kept.Output, o => (string)o.Properties["Name"].Value == "leftover" && o.Properties["Outcome"].Value.ToString() == "Unmanaged");
        Assert.Equal(1, Server.Store.ConnectorCount("leftover"));

        RunResult pruned = Sync("-Prune -Force");
        pruned.AssertNoErrors();
        Assert.Contains(pruned.Output, o => (string)o.Properties["Name"].Value == "leftover" && o.Properties["Outcome"].Value.ToString() == "Removed");
        Assert.Equal(0, Server.Store.ConnectorCount("leftover"));
        Assert.Equal(1, Server.Journal.Count("DELETE", "/v2/kafka/connector/"));
    }

    [Fact]
    public void Prune_without_Force_asks_before_each_removal()
    {
        folder.MongoFromVariable("orders", variables.Set("SYNC_URI", Secret));
        ConnectorSeed.Add(Server, "leftover");

        RunResult result = Sync("-Prune");

        // The test host refuses to prompt: the question was asked, and nothing was removed.
        Assert.NotEmpty(result.AllErrors);
        Assert.Equal(1, Server.Store.ConnectorCount("leftover"));
        Assert.Equal(0, Server.Journal.Count("DELETE", "/v2/kafka/connector/"));
    }

    [Fact]
    public void Wait_writes_each_connector_once_it_runs()
    {
        Server.Options.PendingDelay = TimeSpan.FromMilliseconds(300);
        folder.MongoFromVariable("orders", variables.Set("SYNC_URI", Secret));

        RunResult result = Sync("-Wait -Timeout 20");

        result.AssertNoErrors();
        PSObject connector = (PSObject)PSObject.AsPSObject(Assert.Single(result.Output).Properties["Connector"].Value);
        Assert.Equal("running", connector.Properties["State"].Value);
    }

    private string IdOf(string name) => Server.Store.ListConnectors(EmulatorOptions.DemoClusterId, c => (c.Name, c.ConnectorId))!.Single(c => c.Name == name).ConnectorId;

    public new void Dispose()
    {
        folder.Dispose();
        variables.Dispose();
        base.Dispose();
    }

    /// <summary>A sync result read from its PowerShell object, changes as their plan lines.</summary>
    private sealed record KafkaConnectorSyncResultView(string Outcome, string[] Changes)
    {
        public static KafkaConnectorSyncResultView From(PSObject o) =>
            new(o.Properties["Outcome"].Value.ToString()!, ((System.Collections.IEnumerable)PSObject.AsPSObject(o.Properties["Changes"].Value).BaseObject).Cast<object>().Select(c => c.ToString()!).ToArray());
    }
}
