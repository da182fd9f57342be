using System.Diagnostics;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.Reliability;

/// <summary>
/// Creates, reconfigures, pauses and deletes through ~30% injected faults (resets before and after the server
/// applied the request, 502/503, 429) and checks every outcome a user would see: no duplicate, no lost connector,
/// every change in place, nothing reported twice.
/// </summary>
public sealed class SoakTests : EmulatorSessionTest
{
    private const int Connectors = 50;
    private readonly ITestOutputHelper output;

    public SoakTests(EmulatorFixture emulator, ITestOutputHelper output)
        : base(emulator)
    {
        this.output = output;
    }

    private void InjectFaultsOnEveryApiRequest(double probability)
    {
        FaultInjector faults = Emulator.Server.Faults;
        faults.Seed(20261125);
        // Each rule draws in turn, so the chance that some fault hits a request is 1 - (1 - p)^5.
        double each = 1 - Math.Pow(1 - probability, 1.0 / 5);
        faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Count = null, Probability = each });
        faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Count = null, Probability = each });
        faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 503, Count = null, Probability = each });
        faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 502, Shape = ErrorBodyShape.PlainText, Count = null, Probability = each });
        faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 429, RetryAfter = "0", Count = null, Probability = each });
    }

    private RunResult Step(string script) => Session.Run(script, new Dictionary<string, object?> { ["c"] = EmulatorOptions.DemoClusterId, ["n"] = Connectors });

    [Fact]
    public void Lifecycle_through_30_percent_faults_loses_and_duplicates_nothing()
    {
        InjectFaultsOnEveryApiRequest(0.30);
        var clock = Stopwatch.StartNew();

        RunResult created = Step(
            """
            1..$n | ForEach-Object { [pscustomobject]@{ Name = ('soak-{0:d3}' -f $_); ClusterId = $c; Property = @{ 'connector.class' = 'com.mongodb.kafka.connect.MongoSourceConnector'; 'connection.uri' = 'mongodb://db'; 'batch.size' = 1 } } } |
                New-UpstashKafkaConnector -MaxRetry 12 -MaxRetryDurationSec 300 -WarningAction SilentlyContinue
            """);
        created.AssertNoErrors();
        var names = Enumerable.Range(1, Connectors).Select(i => $"soak-{i:d3}").ToList();
        Assert.Equal(names, created.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal(Connectors, Emulator.Server.Store.ConnectorCount());
        Assert.All(names, name => Assert.Equal(1, Emulator.Server.Store.ConnectorCount(name)));

        RunResult reconfigured = Step("Get-UpstashKafkaConnector -ClusterId $c -MaxRetry 12 | Set-UpstashKafkaConnector -Property @{ 'batch.size' = 500 } -MaxRetry 12 -MaxRetryDurationSec 300 -PassThru");
        reconfigured.AssertNoErrors();
        Assert.Equal(Connectors, reconfigured.Output.Count);

        RunResult paused = Step("Get-UpstashKafkaConnector -ClusterId $c -MaxRetry 12 | Suspend-UpstashKafkaConnector -MaxRetry 12 -MaxRetryDurationSec 300");
        paused.AssertNoErrors();
        IReadOnlyList<JsonNode>? states = Emulator.Server.Store.ListConnectors<JsonNode>(EmulatorOptions.DemoClusterId, c => new JsonObject
        {
            ["state"] = c.State,
            ["batch"] = c.Properties["batch.size"]?.ToString(),
            ["uri"] = c.Properties["connection.uri"]?.ToString(),
        });
        Assert.All(states!, s => Assert.Equal(("paused", "500", "mongodb://db"), ((string?)s["state"], (string?)s["batch"], (string?)s["uri"])));

        RunResult removed = Step("Get-UpstashKafkaConnector -ClusterId $c -MaxRetry 12 | Remove-UpstashKafkaConnector -Force -MaxRetry 12 -MaxRetryDurationSec 300");
        removed.AssertNoErrors();
        Assert.Equal(0, Emulator.Server.Store.ConnectorCount());
        clock.Stop();

        int requests = Emulator.Server.Journal.Entries.Count;
        int faults = Emulator.Server.Faults.TotalInjected;
        output.WriteLine($"operations: {Connectors * 4} ({Connectors} each of create, reconfigure, pause, delete) plus 3 lists");
        output.WriteLine($"API requests: {requests}; faults injected: {faults} ({100.0 * faults / requests:0.0}%): " +
                         string.Join(", ", Emulator.Server.Faults.Injected.Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine($"duplicates: 0, lost: 0, time: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.InRange(100.0 * faults / requests, 20, 40);
    }
}
