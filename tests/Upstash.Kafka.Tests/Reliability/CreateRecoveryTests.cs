using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>A create is never sent blindly twice: lost replies are recovered, clear refusals reported, and N creates leave N connectors.</summary>
public sealed class CreateRecoveryTests : EmulatorSessionTest
{
    private const string CreatePath = "/v2/kafka/connector";

    public CreateRecoveryTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private EmulatorServer Server => Emulator.Server;

    private int Posts => Server.Journal.Count("POST", CreatePath);

    private int Lists => Server.Journal.Count("GET", "/v2/kafka/connectors/");

    private RunResult Create(string name, string extra = "") => Session.Run(
        $"New-UpstashKafkaConnector -Name $n -ClusterId $c -Property @{{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; 'connection.uri' = 'mongodb://app:topsecret1@db' }} -Verbose {extra}",
        new Dictionary<string, object?> { ["n"] = name, ["c"] = EmulatorOptions.DemoClusterId });

    private void Inject(FaultKind kind, int status = 503, int count = 1, string? retryAfter = null, string? body = null) =>
        Server.Faults.Add(new FaultRule { Kind = kind, Method = "POST", Path = CreatePath, Status = status, Count = count, RetryAfter = retryAfter, Body = body });

    [Fact]
    public void A_lost_reply_after_the_server_created_it_is_recovered_from_the_list_not_created_again()
    {
        Inject(FaultKind.DropAfter);

        RunResult result = Create("orders");

        result.AssertNoErrors();
        Assert.Equal("orders", Assert.Single(result.Output).Properties["Name"].Value);
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        Assert.Equal(1, Posts);
        Assert.Equal(1, Lists);
        Assert.Contains(result.Warnings, w => w.Contains("reply was lost", StringComparison.Ordinal));
        Assert.Equal("********", ((IDictionary<string, string>)result.Output[0].Properties["Properties"].Value)["connection.uri"]);
        Assert.DoesNotContain("topsecret1", result.AllText());
    }

    [Fact]
    public void Under_Debug_the_recovery_warning_is_shown_without_a_prompt()
    {
        Inject(FaultKind.DropAfter);

        RunResult result = Create("orders", "-Debug");

        result.AssertNoErrors();
        Assert.Empty(Session.Host.Prompts);
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        // PowerShell 7.6 asks "Continue?" at a compiled cmdlet's warning under -Debug, so it goes to the debug stream.
        Assert.Contains(result.Debug, d => d.StartsWith("WARNING: ", StringComparison.Ordinal) && d.Contains("reply was lost", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_success_is_checked_and_the_created_connector_recovered()
    {
        Inject(FaultKind.MalformedBody, body: "<html>proxy error</html>");

        RunResult result = Create("orders");

        result.AssertNoErrors();
        Assert.Single(result.Output);
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        Assert.Equal(1, Posts);
    }

    [Fact]
    public void A_connection_dropped_before_the_server_applied_it_is_checked_then_created_once()
    {
        Inject(FaultKind.DropBefore);

        RunResult result = Create("orders");

        result.AssertNoErrors();
        Assert.Single(result.Output);
        Assert.Empty(result.Warnings);
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        Assert.Equal(2, Posts);
        Assert.Equal(1, Lists);
    }

    [Fact]
    public void A_503_is_checked_then_retried_and_says_why_in_verbose()
    {
        Inject(FaultKind.Status, status: 503, count: 2);

        RunResult result = Create("orders");

        result.AssertNoErrors();
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
        Assert.Equal(3, Posts);
        Assert.Equal(2, Lists);
        Assert.Contains(result.Verbose, v => v.Contains("had no clear answer (ServerError)", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.Contains("sending the create again", StringComparison.Ordinal));
    }

    [Fact]
    public void A_429_is_a_clear_not_done_waited_out_as_Retry_After_asks_without_a_lookup()
    {
        Inject(FaultKind.Status, status: 429, retryAfter: "1");

        RunResult result = Create("orders");

        result.AssertNoErrors();
        Assert.Equal(2, Posts);
        Assert.Equal(0, Lists);
        Assert.Contains(result.Verbose, v => v.Contains("again in 1.0 s", StringComparison.Ordinal));
        JournalGap(TimeSpan.FromSeconds(0.9));
    }

    private void JournalGap(TimeSpan atLeast)
    {
        var posts = Server.Journal.Entries.Where(e => e.Path == CreatePath).ToList();
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= atLeast, "the retry came before Retry-After allowed it");
    }

    [Theory]
    [InlineData(400, "InvalidArgument")]
    [InlineData(403, "PermissionDenied")]
    [InlineData(500, "ConnectionError")]
    public void A_clear_refusal_is_reported_once_and_never_resent(int status, string category)
    {
        Inject(FaultKind.Status, status: status, count: 10);

        RunResult result = Create("orders");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(category, error.CategoryInfo.Category.ToString());
        Assert.Equal(0, Server.Store.ConnectorCount("orders"));
        Assert.Equal(1, Posts);
        Assert.Equal(status == 500 ? 1 : 0, Lists); // a 500 may have been applied: checked once, then reported, not resent
    }

    [Fact]
    public void A_create_that_timed_out_is_not_sent_again_since_the_service_may_still_be_creating_it()
    {
        Session.Connect(Emulator.Credential, Emulator.BaseUri, timeoutSec: 1);
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = 3000, Method = "POST", Path = CreatePath, Count = 1 });

        RunResult result = Create("slow");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("may still be creating it", error.Exception.Message);
        Assert.Equal(1, Posts);
        Assert.Equal(1, Lists);
    }

    [Fact]
    public void A_connector_of_that_name_that_was_there_before_is_not_taken_for_the_one_created()
    {
        Server.Store.Clock.Advance(TimeSpan.FromHours(-2));
        ConnectorSeed.Add(Server, "orders", "running");
        Server.Store.Clock.Advance(TimeSpan.FromHours(2));
        Inject(FaultKind.Status, status: 502);

        RunResult result = Create("orders");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("did not create", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(1, Server.Store.ConnectorCount("orders"));
    }

    [Fact]
    public void Giving_up_within_the_budget_says_the_connector_was_checked_and_not_created()
    {
        Inject(FaultKind.Status, status: 503, count: 10);

        RunResult result = Create("orders", "-MaxRetry 1");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NewConnectorServerError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("was not created (checked after 2 attempt(s))", error.Exception.Message);
        Assert.Equal(2, Posts);
        Assert.Equal(0, Server.Store.ConnectorCount("orders"));
    }

    [Fact]
    public void When_even_the_lookup_fails_the_error_says_the_connector_may_exist()
    {
        Inject(FaultKind.DropAfter);
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Method = "GET", Path = "/v2/kafka/connectors/*", Status = 403, Count = 5 });

        RunResult result = Create("orders");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Contains("may or may not exist", error.Exception.Message);
        Assert.Contains("Get-UpstashKafkaConnector", error.Exception.Message);
        Assert.Equal(1, Posts);
    }

    [Fact]
    public void Many_creates_through_lost_replies_and_resets_leave_exactly_one_connector_each()
    {
        Server.Faults.Seed(7);
        Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });
        Server.Faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 502, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });

        RunResult result = Session.Run(
            "1..40 | ForEach-Object { [pscustomobject]@{ Name = \"c$_\"; ClusterId = $c; Property = @{ 'connector.class' = 'x' } } } | New-UpstashKafkaConnector -MaxRetry 8 -WarningAction SilentlyContinue",
            new Dictionary<string, object?> { ["c"] = EmulatorOptions.DemoClusterId });

        result.AssertNoErrors();
        Assert.True(Server.Faults.TotalInjected >= 10, $"only {Server.Faults.TotalInjected} faults were injected");
        Assert.Equal(Enumerable.Range(1, 40).Select(i => "c" + i), result.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal(40, Server.Store.ConnectorCount());
    }
}
