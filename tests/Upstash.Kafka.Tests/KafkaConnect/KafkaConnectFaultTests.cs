using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>Kafka Connect's faults and bad answers: nothing duplicated, nothing lost, every failure a clear ErrorRecord.</summary>
public sealed class KafkaConnectFaultTests : KafkaConnectSessionTest
{
    private const string Rebalance = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

    public KafkaConnectFaultTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private void Fault(FaultKind kind, string method, string path, int status = 503, int count = 1, string? body = null) =>
        Emulator.Server.Faults.Add(new FaultRule { Kind = kind, Method = method, Path = path, Status = status, Count = count, Body = body });

    private string NewScript(string name) =>
        $"New-UpstashKafkaConnector -Connection $kc -Name {name} -Property @{{ 'connector.class' = '{JdbcSink}'; topics = 'orders'; 'connection.url' = 'jdbc:postgresql://db/shop'; 'connection.password' = '{Password}' }}";

    [Fact]
    public void A_409_rebalance_on_create_is_retried_and_the_connector_created_once()
    {
        Fault(FaultKind.Status, "POST", "/connectors", 409, count: 2, body: Rebalance);

        RunResult result = Run(NewScript("through-rebalance") + " -Verbose");

        result.AssertNoErrors();
        Assert.Single(result.Output);
        Assert.Equal(3, Sent.Count(e => e.Method == "POST"));
        Assert.Equal(1, Store.Count);
    }

    [Fact]
    public void A_409_stale_configuration_on_PUT_config_is_retried_within_the_budget()
    {
        Seed("stale");
        Fault(FaultKind.Status, "PUT", "/connectors/stale/config", 409, body: "Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)");

        RunResult result = Run("Set-UpstashKafkaConnector -Connection $kc -ConnectorId stale -Property @{ 'batch.size' = 9 }");

        result.AssertNoErrors();
        Assert.Equal(2, Sent.Count(e => e.Method == "PUT"));
        Assert.Equal("9", Store.With("stale", c => c.Text("batch.size")));
    }

    [Fact]
    public void A_409_rebalance_that_outlasts_MaxRetry_is_a_ResourceBusy_error()
    {
        Seed("busy");
        Fault(FaultKind.Status, "PUT", "/connectors/busy/stop", 409, count: 10, body: Rebalance);

        RunResult result = Run("Stop-UpstashKafkaConnector -Connection $kc -ConnectorId busy -MaxRetry 1");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("StopConnectorRebalancing,Upstash.Kafka.Cmdlets.StopUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(2, Sent.Count(e => e.Method == "PUT"));
    }

    [Fact]
    public void A_lost_create_reply_is_recovered_once_when_the_server_has_the_same_configuration()
    {
        Fault(FaultKind.DropAfter, "POST", "/connectors");

        RunResult result = Run(NewScript("lost-reply"));

        result.AssertNoErrors();
        Assert.Equal("lost-reply", Assert.Single(result.Output).Text("Name"));
        Assert.Contains(result.Warnings, w => w.Contains("reply was lost", StringComparison.Ordinal));
        Assert.Equal(1, Store.Count);
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void An_already_exists_409_is_a_conflict_even_when_the_name_says_rebalance()
    {
        Seed("rebalance-sink");

        RunResult result = Run(NewScript("rebalance-sink"));

        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(result.Errors).CategoryInfo.Category);
        Assert.Single(Sent, e => e.Method == "POST");
    }

    [Fact]
    public void A_bare_Jersey_404_is_a_missing_endpoint_not_a_missing_connector()
    {
        Seed("present");
        Fault(FaultKind.Status, "PUT", "/connectors/present/pause", 404, body: "HTTP 404 Not Found");

        RunResult result = Run("Suspend-UpstashKafkaConnector -Connection $kc -ConnectorId present");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SuspendConnectorNotSupported,Upstash.Kafka.Cmdlets.SuspendUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("older than this feature needs", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_connector_of_the_name_is_ResourceExists_and_is_not_touched()
    {
        Seed("taken");

        RunResult result = Run(NewScript("taken"));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorConflict,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("already exists", error.ToString(), StringComparison.Ordinal);
        Assert.Single(Sent, e => e.Method == "POST");
    }

    [Fact]
    public void A_lost_reply_then_a_different_connector_of_that_name_is_ResourceExists()
    {
        Seed("raced", config: new JsonObject { ["connector.class"] = JdbcSink, ["topics"] = "someone-else" });
        Fault(FaultKind.DropBefore, "POST", "/connectors");

        RunResult result = Run(NewScript("raced"));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("differs", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("someone-else", Store.With("raced", c => c.Text("topics")));
    }

    [Fact]
    public void PUT_config_and_pause_are_retried_after_a_503_and_a_dropped_reply()
    {
        Seed("flaky");
        Fault(FaultKind.Status, "PUT", "/connectors/flaky/config", 503);
        Fault(FaultKind.DropAfter, "PUT", "/connectors/flaky/pause");

        RunResult result = Run("Set-UpstashKafkaConnector -Connection $kc -ConnectorId flaky -Property @{ 'batch.size' = 7 }; Suspend-UpstashKafkaConnector -Connection $kc -ConnectorId flaky");

        result.AssertNoErrors();
        Assert.Equal(2, Sent.Count(e => e.Path == "/connectors/flaky/config"));
        Assert.Equal(2, Sent.Count(e => e.Path == "/connectors/flaky/pause"));
        Assert.Equal("PAUSED", StateOf("flaky"));
    }

    [Fact]
    public void A_400_that_echoes_the_configuration_is_InvalidArgument_with_the_secret_masked()
    {
        Fault(FaultKind.Status, "POST", "/connectors", 400, body: "Connector config {connection.password=" + Password + ", topics=orders} contains no connector type");

        RunResult result = Run(NewScript("echoed"));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorBadRequest,Upstash.Kafka.Cmdlets.NewUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("contains no connector type", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.AllText());
    }

    [Fact]
    public void A_500_keeps_the_Java_stack_out_of_the_message_and_in_the_details()
    {
        Seed("exploding");
        Fault(FaultKind.Status, "GET", "/connectors/exploding", 500, body: "Failed to fetch config\n\tat org.apache.kafka.connect.runtime.distributed.DistributedHerder.get(DistributedHerder.java:101)\n\tat java.base/java.lang.Thread.run(Thread.java:833)");

        RunResult result = Run("Get-UpstashKafkaConnector -Connection $kc -ConnectorId exploding");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorServerError,Upstash.Kafka.Cmdlets.GetUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Failed to fetch config", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DistributedHerder", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("DistributedHerder.get", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connector_is_ObjectNotFound()
    {
        RunResult result = Run("Suspend-UpstashKafkaConnector -Connection $kc -ConnectorId nowhere");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SuspendConnectorNotFound,Upstash.Kafka.Cmdlets.SuspendUpstashKafkaConnectorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
