using System.Management.Automation;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

/// <summary>Wait-UpstashKafkaConnector, and the -Wait switch of New-UpstashKafkaConnector that shares its polling.</summary>
public sealed class WaitConnectorTests : EmulatorSessionTest
{
    public WaitConnectorTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.FromMinutes(10);
    }

    private RunResult Run(string script, object? value = null) => Session.Run(script, new Dictionary<string, object?> { ["v"] = value, ["c"] = DemoCluster });

    [Fact]
    public void A_paused_connector_ends_the_wait_at_once_with_a_ConnectorPaused_error()
    {
        string id = Add(Emulator.Server, "paused-one", "paused");

        RunResult result = Run("Wait-UpstashKafkaConnector -ConnectorId $v -Timeout 300", id);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorPaused,Upstash.Kafka.Cmdlets.WaitUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Resume-UpstashKafkaConnector", error.Exception.Message);
        Assert.Equal(1, Emulator.Server.Journal.Count("GET", "/v2/kafka/connector/" + id));
    }

    /// <summary>Runs <paramref name="action"/> once, right after the emulator has answered the first read of the connector.</summary>
    private void AfterFirstRead(string connectorId, Action action)
    {
        int done = 0;
        Emulator.Server.Journal.EntryAdded += entry =>
        {
            if (entry.Method == "GET" && entry.Path == "/v2/kafka/connector/" + connectorId && Interlocked.Exchange(ref done, 1) == 0)
            {
                action();
            }
        };
    }

    [Fact]
    public void Polls_until_running_showing_the_state_as_progress()
    {
        string id = Add(Emulator.Server, "orders", state: "pending");
        AfterFirstRead(id, () => Emulator.Server.Store.Clock.Advance(TimeSpan.FromMinutes(11)));

        RunResult result = Run("Wait-UpstashKafkaConnector -ConnectorId $v", id);

        result.AssertNoErrors();
        PSObject running = result.SingleConnector();
        Assert.Equal("running", running.State());
        Assert.Equal("********", running.ConnectorProperties()["connection.uri"]);
        Assert.Equal(2, Emulator.Server.Journal.Count("GET", "/v2/kafka/connector/" + id));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Processing && p.StatusDescription.StartsWith("state pending", StringComparison.Ordinal));
        Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("state running; connector state RUNNING; 1 of 1 tasks running", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        Assert.All(result.Progress, p => Assert.Contains("orders", p.Activity));
    }

    [Fact]
    public void A_failed_connector_is_an_error_with_the_servers_message_and_the_full_trace_in_the_details()
    {
        string id = Add(Emulator.Server, "orders", state: "failed", properties: new() { ["connector.class"] = Mongo, ["connection.uri"] = "http://app:" + Password + "@host" });

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $v | Wait-UpstashKafkaConnector", id);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorFailed,Upstash.Kafka.Cmdlets.WaitUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.EndsWith("Connection strings must start with either 'mongodb://' or 'mongodb+srv://", error.Exception.Message);
        Assert.Contains("\tat org.apache.kafka.connect.runtime.WorkerTask.doRun", error.ErrorDetails.Message);
        Assert.Equal("connector.class", Assert.IsType<PSObject>(PSObject.AsPSObject(error.TargetObject)).ConnectorProperties().Keys.First());
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void A_failed_task_without_a_state_message_gives_the_first_trace_line()
    {
        string id = Add(Emulator.Server, "orders");
        Emulator.Server.Store.WithConnector(id, c =>
        {
            c.Tasks[0].State = "FAILED";
            c.Tasks[0].Trace = "org.apache.kafka.connect.errors.ConnectException: disk full\n\tat org.example.Sink.put(Sink.java:42)";
            return c;
        });

        RunResult result = Run("Wait-UpstashKafkaConnector -ConnectorId $v", id);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.EndsWith("failed: org.apache.kafka.connect.errors.ConnectException: disk full", error.Exception.Message);
        Assert.Contains("Sink.java:42", error.ErrorDetails.Message);
    }

    [Fact]
    public void Running_the_time_out_is_an_OperationTimeout_error_that_says_where_the_connector_is()
    {
        string id = Add(Emulator.Server, "orders", state: "pending");

        RunResult result = Run("Wait-UpstashKafkaConnector -ConnectorId $v -Timeout 0", id);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorWaitTimedOut,Upstash.Kafka.Cmdlets.WaitUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("state pending", error.Exception.Message);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void Stopping_the_pipeline_ends_the_wait_between_polls()
    {
        string id = Add(Emulator.Server, "orders", state: "pending");
        using var firstPoll = new ManualResetEventSlim();
        AfterFirstRead(id, firstPoll.Set);
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = Session.Runspace;
        shell.AddScript("Wait-UpstashKafkaConnector -ConnectorId '" + id + "' -Timeout 86400");

        IAsyncResult running = shell.BeginInvoke();
        Assert.True(firstPoll.Wait(TimeSpan.FromMinutes(1)), "The wait never polled.");
        shell.Stop();

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
    }

    [Fact]
    public void Waits_for_each_connector_from_the_pipeline()
    {
        Add(Emulator.Server, "orders-eu");
        Add(Emulator.Server, "orders-us");

        RunResult result = Run("Get-UpstashKafkaConnector -Name 'orders-*' | Wait-UpstashKafkaConnector");

        result.AssertNoErrors();
        Assert.Equal(new[] { "orders-eu", "orders-us" }, result.Names().Order());
    }

    [Fact]
    public void New_with_Wait_writes_the_connector_once_it_runs()
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;

        RunResult result = Run("New-UpstashKafkaConnector -Name orders -ClusterId $c -Property @{ 'connector.class' = '" + Mongo + "'; 'connection.uri' = 'mongodb://app:" + Password + "@db' } -Wait");

        result.AssertNoErrors();
        PSObject running = result.SingleConnector();
        Assert.Equal("running", running.State());
        Assert.Equal("RUNNING", running.Text("ConnectorState"));
        Assert.Equal(1, Emulator.Server.Journal.Count("POST", "/v2/kafka/connector"));
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void New_with_Wait_reports_a_configuration_the_service_rejects()
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;
        Emulator.Server.Store.RejectedProperties.Add("snapshot.mode");

        RunResult result = Run("New-UpstashKafkaConnector -Name orders -ClusterId $c -Property @{ 'connector.class' = '" + Mongo + "'; 'connection.uri' = 'mongodb://db'; 'snapshot.mode' = 'x' } -Wait");

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ConnectorFailed,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Invalid value for configuration snapshot.mode: rejected by the emulator", error.Exception.Message);
        Assert.Equal("orders", PSObject.AsPSObject(error.TargetObject).Name());
    }
}
