using System.Management.Automation;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>
/// Sync under the emulator's faults and cut off half-way: it keeps the connector cmdlets' promises (no duplicate
/// create, nothing lost), and running it again converges. The store and the journal prove it.
/// </summary>
public sealed class SyncConvergenceTests : EmulatorSessionTest, IDisposable
{
    private const int Count = 24;
    private readonly ConnectorFolder folder = new();
    private readonly TestVariables variables = new();

    public SyncConvergenceTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Options.PendingDelay = TimeSpan.Zero;
        string uri = variables.Set("CONVERGE_URI", "mongodb://app:Converge-Secret@db.example:27017");
        for (int i = 0; i < Count; i++)
        {
            folder.MongoFromVariable($"conv-{i:D2}", uri, i % 3 == 0 ? "PAUSED" : null);
        }
    }

    private EmulatorServer Server => Emulator.Server;

    private RunResult Sync(string extra = "") => Session.Run(
        $"Sync-UpstashKafkaConnector -Path $p -ClusterId $c -ThrottleLimit 6 -MaxRetryDurationSec 20 {extra}",
        new Dictionary<string, object?> { ["p"] = folder.Path, ["c"] = EmulatorOptions.DemoClusterId });

    [Fact]
    public void Under_lost_replies_5xx_429_and_dropped_connections_no_connector_is_created_twice_and_a_rerun_converges()
    {
        Server.Faults.Seed(12);
        foreach (FaultKind kind in new[] { FaultKind.DropAfter, FaultKind.DropBefore })
        {
            Server.Faults.Add(new FaultRule { Kind = kind, Path = "/v2/kafka/*", Count = null, Probability = 0.08 });
        }

        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 503, Path = "/v2/kafka/*", Count = null, Probability = 0.08 });
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 429, RetryAfter = "0", Path = "/v2/kafka/*", Count = null, Probability = 0.08 });

        var runs = new List<RunResult>();
        for (int attempt = 0; attempt < 6; attempt++)
        {
            RunResult run = Sync("-ErrorAction SilentlyContinue");
            runs.Add(run);
            if (!run.AllErrors.Any() && run.Output.Count == Count && run.Output.All(o => o.Properties["Outcome"].Value.ToString() == "Unchanged"))
            {
                break;
            }
        }

        Assert.True(Server.Faults.TotalInjected > 5, $"only {Server.Faults.TotalInjected} faults were injected");
        Server.Faults.Clear();
        RunResult final = Sync();
        final.AssertNoErrors();
        Assert.All(final.Output, o => Assert.Equal("Unchanged", o.Properties["Outcome"].Value.ToString()));

        // Exactly one connector per file: no duplicate, nothing lost.
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(1, Server.Store.ConnectorCount($"conv-{i:D2}"));
        }

        Assert.Equal(Count, Server.Store.ConnectorCount());
        // The journal: every create the server applied (answered 2xx, or applied before its reply was lost) made one
        // of the connectors above, so none was sent blindly twice.
        int applied = Server.Journal.Entries.Count(e => e.Method == "POST" && e.Path == "/v2/kafka/connector" && ((e.Fault == null && e.Status / 100 == 2) || e.Fault == "dropped after applying"));
        Assert.Equal(Count, applied);
        Assert.All(runs.SelectMany(r => r.AllErrors), e => Assert.DoesNotContain("Converge-Secret", e.ToString(), StringComparison.Ordinal));
        var paused = Server.Store.ListConnectors(EmulatorOptions.DemoClusterId, c => (c.Name, c.State))!;
        Assert.All(paused, c => Assert.Equal(int.Parse(c.Name[5..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0, c.State == "paused"));
    }

    [Fact]
    public void Sync_keeps_up_to_ThrottleLimit_creates_in_flight_at_once()
    {
        // Every create takes 400 ms at the server, which journals it when it answers. One create after another would
        // end at least 400 ms apart; six at once end within moments of each other.
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = 400, Path = "/v2/kafka/connector", Method = "POST", Count = null });

        Sync().AssertNoErrors();

        DateTimeOffset[] ends = Server.Journal.Entries.Where(e => e.Method == "POST" && e.Path == "/v2/kafka/connector").Select(e => e.ReceivedAt).Order().ToArray();
        Assert.Equal(Count, ends.Length);
        TimeSpan closest = ends.Zip(ends.Skip(1), (a, b) => b - a).Min();
        Assert.True(closest < TimeSpan.FromMilliseconds(200), $"the closest two creates ended {closest.TotalMilliseconds:0} ms apart: they were sent one at a time");
    }

    [Fact]
    public void A_sync_stopped_half_way_is_finished_by_running_it_again_without_duplicates()
    {
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = 150, Path = "/v2/kafka/connector", Method = "POST", Count = null });
        int creates = 0;
        using var halfWay = new ManualResetEventSlim();
        Server.Journal.EntryAdded += e =>
        {
            if (e.Method == "POST" && e.Path == "/v2/kafka/connector" && Interlocked.Increment(ref creates) == Count / 3)
            {
                halfWay.Set();
            }
        };

        PowerShell shell = Session.Start(
            $"Sync-UpstashKafkaConnector -Path '{folder.Path}' -ClusterId {EmulatorOptions.DemoClusterId} -ThrottleLimit 2",
            out IAsyncResult running);
        Assert.True(halfWay.Wait(TimeSpan.FromSeconds(60)), "the sync never got a third of the way");
        shell.Stop();
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "Ctrl+C did not end the sync");
        shell.Dispose();
        int afterStop = Server.Store.ConnectorCount();
        Assert.InRange(afterStop, 1, Count - 1);

        Server.Faults.Clear();
        RunResult again = Sync();

        again.AssertNoErrors();
        Assert.Equal(Count, again.Output.Count);
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(1, Server.Store.ConnectorCount($"conv-{i:D2}"));
        }
    }

    public new void Dispose()
    {
        folder.Dispose();
        variables.Dispose();
        base.Dispose();
    }
}
