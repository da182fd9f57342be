using System.Management.Automation;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>Which calls are retried, after what, for how long, and what a user sees of it.</summary>
public sealed class RetryTests : EmulatorSessionTest
{
    private readonly string connectorId;

    public RetryTests(EmulatorFixture emulator)
        : base(emulator)
    {
        connectorId = ConnectorSeed.Add(Emulator.Server, "orders", "running");
    }

    private string ConnectorPath => "/v2/kafka/connector/" + connectorId;

    private void Inject(string method, string path, FaultKind kind, int status = 503, int count = 1, string? retryAfter = null) =>
        Emulator.Server.Faults.Add(new FaultRule { Kind = kind, Method = method, Path = path, Status = status, Count = count, RetryAfter = retryAfter });

    private RunResult Run(string script) => Session.Run(script, new Dictionary<string, object?> { ["id"] = connectorId, ["c"] = ConnectorSeed.DemoCluster });

    private int Requests(string method, string path) => Emulator.Server.Journal.Entries.Count(e => e.Method == method && e.Path == path);

    [Theory]
    [InlineData(FaultKind.Status, 503)]
    [InlineData(FaultKind.Status, 502)]
    [InlineData(FaultKind.Status, 504)]
    [InlineData(FaultKind.Status, 429)]
    [InlineData(FaultKind.DropBefore, 0)]
    [InlineData(FaultKind.DropAfter, 0)]
    public void A_read_is_retried_after_a_passing_failure_and_says_why(FaultKind kind, int status)
    {
        Inject("GET", ConnectorPath, kind, status, count: 2);

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $id -Verbose");

        result.AssertNoErrors();
        Assert.Single(result.Output);
        Assert.Equal(3, Requests("GET", ConnectorPath));
        Assert.Equal(2, result.Verbose.Count(v => v.StartsWith("Retrying GET " + ConnectorPath, StringComparison.Ordinal)));
        if (status != 0)
        {
            Assert.Contains(result.Verbose, v => v.Contains($"the API answered {status}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public void Other_failures_are_never_retried(int status)
    {
        Inject("GET", ConnectorPath, FaultKind.Status, status, count: 5);

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $id");

        Assert.Single(result.Errors);
        Assert.Equal(1, Requests("GET", ConnectorPath));
    }

    [Fact]
    public void MaxRetry_bounds_the_attempts_and_the_error_says_so()
    {
        Inject("GET", ConnectorPath, FaultKind.Status, 503, count: 10);

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $id -MaxRetry 2");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("GetConnectorServerError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("gave up after 3 attempt(s)", error.Exception.Message);
        Assert.Equal(3, Requests("GET", ConnectorPath));
    }

    [Fact]
    public void The_session_default_from_Connect_applies_and_a_cmdlet_parameter_wins()
    {
        Session.Run("Connect-UpstashKafka -Credential $cred -ApiUri $uri -MaxRetry 0", new Dictionary<string, object?> { ["cred"] = Emulator.Credential, ["uri"] = Emulator.BaseUri }).AssertNoErrors();
        Inject("GET", ConnectorPath, FaultKind.Status, 503, count: 1);
        Assert.Single(Run("Get-UpstashKafkaConnector -ConnectorId $id").Errors);

        Inject("GET", ConnectorPath, FaultKind.Status, 503, count: 1);
        Run("Get-UpstashKafkaConnector -ConnectorId $id -MaxRetry 1").AssertNoErrors();
    }

    [Fact]
    public void Retry_After_as_a_date_is_honoured()
    {
        string date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
        Inject("GET", ConnectorPath, FaultKind.Status, 503, retryAfter: date);

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $id -Verbose");

        result.AssertNoErrors();
        var gets = Emulator.Server.Journal.Entries.Where(e => e.Path == ConnectorPath).ToList();
        Assert.True(gets[1].ReceivedAt - gets[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the retry came before the Retry-After date");
        Assert.Contains(result.Verbose, v => v.Contains("Retry-After", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Retry_After_beyond_the_time_budget_is_not_waited_for()
    {
        Inject("GET", ConnectorPath, FaultKind.Status, 429, retryAfter: "120");

        RunResult result = Run("Get-UpstashKafkaConnector -ConnectorId $id -MaxRetryDurationSec 5");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal(1, Requests("GET", ConnectorPath));
    }

    [Fact]
    public void A_delete_whose_reply_was_lost_and_then_answers_404_is_done()
    {
        Inject("DELETE", ConnectorPath, FaultKind.DropAfter);

        RunResult result = Run("Remove-UpstashKafkaConnector -ConnectorId $id -Force -Verbose");

        result.AssertNoErrors();
        Assert.Equal(2, Requests("DELETE", ConnectorPath));
        Assert.Contains(result.Verbose, v => v.Contains("that attempt must have done it", StringComparison.Ordinal));
        Assert.Equal(0, Emulator.Server.Store.ConnectorCount());
    }

    [Fact]
    public void A_pause_whose_reply_was_lost_is_repeated_safely()
    {
        Inject("POST", ConnectorPath + "/pause", FaultKind.DropAfter);

        RunResult result = Run("Suspend-UpstashKafkaConnector -ConnectorId $id");

        result.AssertNoErrors();
        Assert.Equal(2, Requests("POST", ConnectorPath + "/pause"));
        Assert.Equal("paused", ConnectorSeed.StateOf(Emulator.Server, connectorId));
    }

    [Fact]
    public void An_action_that_meets_a_404_after_an_ambiguous_attempt_says_so_honestly()
    {
        Inject("POST", ConnectorPath + "/restart", FaultKind.Status, 503);
        Emulator.Server.Faults.Add(new FaultRule { Method = "POST", Path = ConnectorPath + "/restart", Status = 404, Body = "connector not found", Count = 1 });

        RunResult result = Run("Restart-UpstashKafkaConnector -ConnectorId $id");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("may have taken effect", error.Exception.Message);
    }

    [Fact]
    public void A_reconfigure_whose_reply_was_lost_is_repeated_with_the_same_full_map()
    {
        Inject("POST", "/v2/kafka/update-connector/" + connectorId, FaultKind.DropAfter);

        RunResult result = Run("Set-UpstashKafkaConnector -ConnectorId $id -Property @{ 'tasks.max' = 3 }");

        result.AssertNoErrors();
        var updates = Emulator.Server.Journal.Entries.Where(e => e.Path == "/v2/kafka/update-connector/" + connectorId).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(updates[0].Body, updates[1].Body);
        Assert.Equal("3", ConnectorSeed.PropertiesOf(Emulator.Server, connectorId)["tasks.max"]?.ToString());
    }

    [Fact]
    public void A_list_cut_off_after_connectors_were_written_is_not_retried_so_none_is_written_twice()
    {
        for (int i = 0; i < 3; i++)
        {
            ConnectorSeed.Add(Emulator.Server, "more-" + i, "running");
        }

        string cut = "[{\"connector_id\":\"a\",\"name\":\"a\"},{\"connector_id\":\"b\",\"name\":\"b\"},{\"connector_id\":\"c\",";
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.ReplaceBody, Method = "GET", Path = "/v2/kafka/connectors/*", Body = cut, Count = 5 });

        RunResult result = Run("Get-UpstashKafkaConnector -ClusterId $c");

        Assert.Equal(new[] { "a", "b" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal(1, Emulator.Server.Journal.Count("GET", "/v2/kafka/connectors/"));
    }
}
