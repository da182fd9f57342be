using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;
using Upstash.Kafka.Tests.KafkaConnect;

namespace Upstash.Kafka.Tests.Migration;

/// <summary>Copy-UpstashKafkaConnector: the move off Upstash in one pipeline, safe to repeat, never showing a secret.</summary>
public sealed class CopyConnectorTests : KafkaConnectSessionTest
{
    private const string MongoSecret = "mongodb://app:Copy-Secret-31@db.example:27017";

    public CopyConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
        ConnectorSeed.Add(Emulator.Server, "orders-source", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = MongoSecret, ["tasks.max"] = 2 });
        ConnectorSeed.Add(Emulator.Server, "held-source", "paused", properties: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = MongoSecret });
        Emulator.Server.Journal.Clear();
    }

    private const string CopyAll = "Get-UpstashKafkaConnector -ClusterId $c | Copy-UpstashKafkaConnector -Destination $kc";

    private RunResult Copy(string script = CopyAll) => Run("$c = '" + EmulatorOptions.DemoClusterId + "'\n" + script);

    private static string Outcome(PSObject result) => result.Properties["Outcome"].Value.ToString()!;

    [Fact]
    public void Copies_Upstash_connectors_to_Kafka_Connect_in_clear_keeping_their_state_and_shows_no_secret()
    {
        RunResult result = Copy();

        result.AssertNoErrors();
        Assert.Equal(new[] { "Created", "Created" }, result.Output.Select(Outcome));
        Assert.Equal(MongoSecret, Store.With("orders-source", c => c.Text("connection.uri")));
        Assert.Equal("2", Store.With("orders-source", c => c.Text("tasks.max")));
        Assert.DoesNotContain(SentToUpstash, e => e.Method != "GET");
        JsonObject held = JsonNode.Parse(Sent.Single(e => e.Method == "POST" && e.Body.Contains("held-source", StringComparison.Ordinal)).Body)!.AsObject();
        Assert.Equal("PAUSED", held["initial_state"]!.GetValue<string>());
        Assert.DoesNotContain("Copy-Secret-31", result.AllText(), StringComparison.Ordinal);
        Assert.Contains(result.Progress, p => p.StatusDescription == "2 of 2 connectors");
    }

    [Fact]
    public void Running_it_again_finds_everything_Unchanged_and_sends_no_write()
    {
        Copy().AssertNoErrors();
        Store.SettleAll();
        Emulator.Server.Journal.Clear();

        RunResult again = Copy();

        again.AssertNoErrors();
        Assert.Equal(new[] { "Unchanged", "Unchanged" }, again.Output.Select(Outcome));
        Assert.Empty(Writes);
    }

    [Fact]
    public void A_different_connector_of_the_name_is_a_Failed_result_and_an_error_unless_Force_replaces_it()
    {
        Seed("orders-source", config: new JsonObject { ["connector.class"] = ConnectorSeed.Mongo, ["connection.uri"] = "mongodb://other@db:27017" });

        RunResult refused = Copy("Get-UpstashKafkaConnector -ClusterId $c -Name orders-source | Copy-UpstashKafkaConnector -Destination $kc");

        Assert.Equal("Failed", Outcome(Assert.Single(refused.Output)));
        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.Equal("CopyConnectorConflict,Upstash.Kafka.Cmdlets.CopyUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Empty(Writes);

        RunResult forced = Copy("Get-UpstashKafkaConnector -ClusterId $c -Name orders-source | Copy-UpstashKafkaConnector -Destination $kc -Force");

        forced.AssertNoErrors();
        Assert.Equal("Updated", Outcome(Assert.Single(forced.Output)));
        Assert.Equal("/connectors/orders-source/config", Assert.Single(Writes).Path);
        Assert.Equal(MongoSecret, Store.With("orders-source", c => c.Text("connection.uri")));
    }

    [Fact]
    public void WhatIf_sends_nothing_to_the_destination()
    {
        RunResult result = Copy(CopyAll + " -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Sent, e => !e.Path.StartsWith("/v2/", StringComparison.Ordinal));
        Assert.Equal(0, Store.Count);
    }

    [Fact]
    public void A_lost_create_reply_and_a_rebalance_leave_exactly_one_copy_each()
    {
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = "/connectors", Count = 1 });
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Method = "POST", Path = "/connectors", Status = 409, Count = 1, Body = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)" });

        RunResult result = Copy(CopyAll + " -ThrottleLimit 1");

        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(new[] { "held-source", "orders-source" }, Store.Names().Order());
    }

    [Fact]
    public void InitialState_Stopped_overrides_the_source_state()
    {
        RunResult result = Copy(CopyAll + " -InitialState Stopped");

        result.AssertNoErrors();
        Assert.All(Sent.Where(e => e.Method == "POST"), e => Assert.Equal("STOPPED", JsonNode.Parse(e.Body)!["initial_state"]!.GetValue<string>()));
    }

    [Fact]
    public void Copying_to_Upstash_needs_ClusterId_and_then_creates_there()
    {
        Seed("kc-born");

        RunResult missing = Run("$up = Connect-UpstashKafka -Credential $cr -ApiUri $u -NotDefault -PassThru; Get-UpstashKafkaConnector -Connection $kc | Copy-UpstashKafkaConnector -Destination $up".Replace("$cr", "([pscredential]::new('" + EmulatorFixture.Email + "', [System.Net.NetworkCredential]::new('', '" + Emulator.ApiKey + "').SecurePassword))", StringComparison.Ordinal));
        Assert.Equal("MissingClusterId,Upstash.Kafka.Cmdlets.CopyUpstashKafkaConnectorCommand", Assert.Single(missing.AllErrors).FullyQualifiedErrorId);

        RunResult copied = Run("$up = Connect-UpstashKafka -Credential $cr -ApiUri $u -NotDefault -PassThru; Get-UpstashKafkaConnector -Connection $kc | Copy-UpstashKafkaConnector -Destination $up -ClusterId $c".Replace("$cr", "([pscredential]::new('" + EmulatorFixture.Email + "', [System.Net.NetworkCredential]::new('', '" + Emulator.ApiKey + "').SecurePassword))", StringComparison.Ordinal).Insert(0, "$c = '" + EmulatorOptions.DemoClusterId + "'\n"));

        copied.AssertNoErrors();
        Assert.Equal("Created", Outcome(Assert.Single(copied.Output)));
        Assert.Single(SentToUpstash, e => e.Method == "POST" && e.Path == "/v2/kafka/connector");
        Assert.DoesNotContain(Password, copied.AllText(), StringComparison.Ordinal);
    }
}
