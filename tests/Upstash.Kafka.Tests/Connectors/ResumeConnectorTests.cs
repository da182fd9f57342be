using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

public sealed class ResumeConnectorTests : EmulatorSessionTest
{
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.ResumeUpstashKafkaConnectorCommand";

    public ResumeConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private RunResult Run(string script, object? value = null) => Session.Run(script, new Dictionary<string, object?> { ["v"] = value });

    [Fact]
    public void Resumes_a_paused_connector_with_a_POST_to_start()
    {
        string id = Add(Emulator.Server, "orders", state: "paused");

        RunResult result = Run("Resume-UpstashKafkaConnector -ConnectorId $v -PassThru", id);

        result.AssertNoErrors();
        Assert.Equal(1, Emulator.Server.Journal.Count("POST", $"/v2/kafka/connector/{id}/start"));
        PSObject resumed = result.SingleConnector();
        Assert.Equal("running", resumed.State());
        Assert.Equal("RUNNING", resumed.Text("ConnectorState"));
    }

    [Fact]
    public void Suspend_then_Resume_in_one_pipeline_leaves_it_running()
    {
        string id = Add(Emulator.Server, "orders");

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $v | Suspend-UpstashKafkaConnector -PassThru | Resume-UpstashKafkaConnector -Wait", id);

        result.AssertNoErrors();
        Assert.Equal("running", result.SingleConnector().State());
        Assert.Equal(new[] { "GET", "POST", "GET", "POST", "GET" }, Emulator.Server.Journal.Entries.Select(e => e.Method));
    }

    [Fact]
    public void Wait_on_a_failed_connector_reports_the_servers_reason()
    {
        // The emulator leaves a failed connector failed on start, as Kafka Connect's resume does.
        string id = Add(Emulator.Server, "broken", state: "failed", properties: new() { ["connector.class"] = Mongo, ["connection.uri"] = "http://not-mongo" });

        RunResult result = Run("Resume-UpstashKafkaConnector -ConnectorId $v -Wait", id);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorFailed" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("The connection string is invalid", error.Exception.Message);
        Assert.Equal("failed", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        string id = Add(Emulator.Server, "orders", state: "paused");

        RunResult result = Run("Resume-UpstashKafkaConnector -ConnectorId $v -WhatIf -Wait", id);

        result.AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains("Resume Kafka connector", result.HostOutput);
        Assert.Equal("paused", StateOf(Emulator.Server, id));
    }

    [Fact]
    public void An_unknown_id_is_an_ObjectNotFound_error()
    {
        RunResult result = Run("Resume-UpstashKafkaConnector -ConnectorId 'gone'");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ResumeConnectorNotFound" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
