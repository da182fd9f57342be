using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class SuspendConnectorTests : EmulatorSessionTest
{
    public SuspendConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script, object? value = null) => Session.Run(script, new Dictionary<string, object?> { ["v"] = value });

    [Fact]
    public void Pauses_by_id_with_one_POST_and_writes_nothing_without_PassThru()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("Suspend-UpstashKafkaConnector -ConnectorId $v", id);

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Equal("paused", StateOf(Emulator.Server, id));
        Assert.Equal(1, Emulator.Server.Journal.Count("POST", $"/v2/kafka/connector/{id}/pause"));
        Assert.Equal(string.Empty, Emulator.Server.Journal.Entries.Single().Body);
    }

    [Fact]
    public void Get_piped_into_Suspend_pauses_every_match_and_PassThru_reads_each_back()
    {
        string eu = Add(Emulator.Server, "orders-eu");
        string us = Add(Emulator.Server, "orders-us");
        string other = Add(Emulator.Server, "refunds");

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'orders-*' | Suspend-UpstashKafkaConnector -PassThru");

        result.AssertNoErrors();
        Assert.Equal(new[] { "orders-eu", "orders-us" }, result.Names().Order());
        Assert.All(result.Output, c => Assert.Equal("PAUSED", c.Text("ConnectorState")));
        Assert.Equal("paused", StateOf(Emulator.Server, eu));
        Assert.Equal("paused", StateOf(Emulator.Server, us));
        Assert.Equal("running", StateOf(Emulator.Server, other));
    }

    [Fact]
    public void Ids_from_the_pipeline_and_by_property_name_are_accepted()
    {
        string first = Add(Emulator.Server, "first");
        string second = Add(Emulator.Server, "second");

        Run("$v[0] | Suspend-UpstashKafkaConnector; [pscustomobject]@{ ConnectorId = $v[1] } | Suspend-UpstashKafkaConnector", new[] { first, second }).AssertNoErrors();

        Assert.Equal("paused", StateOf(Emulator.Server, first));
        Assert.Equal("paused", StateOf(Emulator.Server, second));
    }

    [Fact]
    public void An_unknown_id_is_an_ObjectNotFound_error_and_the_next_one_is_still_paused()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("'no-such-id', $v | Suspend-UpstashKafkaConnector", id);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SuspendConnectorNotFound,Upstash.Kafka.Cmdlets.SuspendUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("no-such-id", error.TargetObject);
        Assert.Equal("paused", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_names_the_piped_connector()
    {
        string id = Add(Emulator.Server, "orders");
        RunResult listed = Run("$script:c = Get-UpstashKafkaConnector -ConnectorId $v", id);
        listed.AssertNoErrors();
        Emulator.Server.Journal.Clear();

        RunResult result = Run("$script:c | Suspend-UpstashKafkaConnector -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains($"Performing the operation \"Pause Kafka connector\" on target \"connector 'orders' ({id})\"", result.HostOutput);
        Assert.Equal("running", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void PassThru_objects_keep_secrets_masked()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("$DebugPreference = 'Continue'; Suspend-UpstashKafkaConnector -ConnectorId $v -PassThru", id);

        result.AssertNoErrors();
        Assert.Contains(result.Debug, d => d.StartsWith("Response body: {", StringComparison.Ordinal));
        Assert.Equal("********", result.SingleConnector().ConnectorProperties()["connection.uri"]);
        Assert.DoesNotContain(Password, result.AllText());
    }
}
