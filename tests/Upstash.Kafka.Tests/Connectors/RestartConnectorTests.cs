using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class RestartConnectorTests : EmulatorSessionTest
{
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.RestartUpstashKafkaConnectorCommand";

    public RestartConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.RestartDelay = TimeSpan.FromMinutes(10);
    }

    private static JsonObject BadConfig => new() { ["connector.class"] = Mongo, ["connection.uri"] = "http://not-mongo" };

    private int Restarts(string id) => Emulator.Server.Journal.Count("POST", $"/v2/kafka/connector/{id}/restart");

    private RunResult Run(string script, object? value = null) => Session.Run(script, new Dictionary<string, object?> { ["v"] = value });

    [Fact]
    public void Restarts_by_id_and_the_connector_passes_through_restarting()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("Restart-UpstashKafkaConnector -ConnectorId $v -PassThru", id);

        result.AssertNoErrors();
        Assert.Equal(1, Restarts(id));
        Assert.Equal("RESTARTING", result.SingleConnector().Text("ConnectorState"));
        Emulator.Server.Store.SettleAll();
        Assert.Equal("running", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void OnlyIfFailed_restarts_only_the_failed_matches_and_says_which_were_skipped()
    {
        string healthy = Add(Emulator.Server, "orders-eu");
        string broken = Add(Emulator.Server, "orders-us", state: "failed", properties: BadConfig);
        string otherBroken = Add(Emulator.Server, "refunds", state: "failed", properties: BadConfig);

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'orders-*' | Restart-UpstashKafkaConnector -OnlyIfFailed -PassThru -Verbose");

        result.AssertNoErrors();
        Assert.Equal(new[] { "orders-us" }, result.Names());
        Assert.Equal(0, Restarts(healthy));
        Assert.Equal(1, Restarts(broken));
        Assert.Equal(0, Restarts(otherBroken));
        Assert.Contains(result.Verbose, v => v.StartsWith($"Skipping connector 'orders-eu' ({healthy}): it has not failed", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyIfFailed_counts_a_failed_task_as_failed()
    {
        string id = Add(Emulator.Server, "orders");
        Emulator.Server.Store.WithConnector(id, c => c.Tasks[0].State = "FAILED");

        Run("Restart-UpstashKafkaConnector -ConnectorId $v -OnlyIfFailed", id).AssertNoErrors();

        Assert.Equal(1, Restarts(id));
    }

    [Fact]
    public void WhatIf_sends_no_restart_and_with_OnlyIfFailed_names_only_the_failed_ones()
    {
        Add(Emulator.Server, "orders-eu");
        string broken = Add(Emulator.Server, "orders-us", state: "failed", properties: BadConfig);

        RunResult plain = Run("Get-UpstashKafkaConnector -Name 'orders-*' | Restart-UpstashKafkaConnector -WhatIf");
        RunResult onlyFailed = Run("Get-UpstashKafkaConnector -Name 'orders-*' | Restart-UpstashKafkaConnector -OnlyIfFailed -WhatIf");

        plain.AssertNoErrors();
        onlyFailed.AssertNoErrors();
        Assert.All(Emulator.Server.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Contains("connector 'orders-eu'", plain.HostOutput);
        Assert.DoesNotContain("orders-eu", onlyFailed.HostOutput);
        Assert.Contains($"on target \"connector 'orders-us' ({broken})\"", onlyFailed.HostOutput);
    }

    [Fact]
    public void Wait_reaches_running_once_the_restart_is_over()
    {
        Emulator.Server.Options.RestartDelay = TimeSpan.Zero;
        string id = Add(Emulator.Server, "orders", state: "failed");
        Emulator.Server.Store.WithConnector(id, c => c.Properties["connection.uri"] = "mongodb://fixed-host");

        RunResult result = Run("Restart-UpstashKafkaConnector -ConnectorId $v -OnlyIfFailed -Wait", id);

        result.AssertNoErrors();
        PSObject running = result.SingleConnector();
        Assert.Equal("running", running.State());
        Assert.Equal("RUNNING", running.Text("ConnectorState"));
    }

    [Fact]
    public void Wait_after_restarting_a_bad_configuration_reports_the_failure()
    {
        Emulator.Server.Options.RestartDelay = TimeSpan.Zero;
        string id = Add(Emulator.Server, "orders", state: "failed", properties: BadConfig);

        RunResult result = Run("Restart-UpstashKafkaConnector -ConnectorId $v -Wait", id);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorFailed" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Contains("Connection strings must start with", error.Exception.Message);
        Assert.Equal(1, Restarts(id));
    }

    [Fact]
    public void An_unknown_id_is_an_ObjectNotFound_error_with_or_without_OnlyIfFailed()
    {
        RunResult plain = Run("Restart-UpstashKafkaConnector -ConnectorId 'gone'");
        RunResult onlyFailed = Run("Restart-UpstashKafkaConnector -ConnectorId 'gone' -OnlyIfFailed");

        Assert.Equal("RestartConnectorNotFound" + FullyQualified, Assert.Single(plain.Errors).FullyQualifiedErrorId);
        Assert.Equal("RestartConnectorNotFound" + FullyQualified, Assert.Single(onlyFailed.Errors).FullyQualifiedErrorId);
    }
}
