using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using Upstash.Kafka.Benchmarks.Infrastructure;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// Sync-UpstashKafkaConnector of 200 connector files to an empty cluster of the emulator, every API request delayed
/// 50 ms by the emulator's Delay rule, at -ThrottleLimit 1, 4 and 8. The ideal is (requests x 50 ms) / throttle; each
/// time is reported as a ratio to it, and 8 against 1 as a speed-up (the issue aims for at least 5x).
/// </summary>
public static class SyncBenchmark
{
    private const int DelayMs = 50;
    private static readonly int[] Throttles = [1, 4, 8];

    public static void Run(bool quick)
    {
        int connectors = quick ? 40 : 200;
        string folder = Directory.CreateTempSubdirectory("sync-bench-").FullName;
        try
        {
            for (int i = 0; i < connectors; i++)
            {
                File.WriteAllText(
                    Path.Combine(folder, $"bench-{i:D3}.json"),
                    $"{{\"name\": \"bench-{i:D3}\", \"config\": {{\"connector.class\": \"com.mongodb.kafka.connect.MongoSourceConnector\", \"connection.uri\": \"${{env:SYNC_BENCH_URI}}\", \"tasks.max\": \"1\"}}}}");
            }

            Environment.SetEnvironmentVariable("SYNC_BENCH_URI", "mongodb://app:bench-secret@db.example:27017");
            EmulatorServer server = EmulatorServer.StartAsync(new EmulatorOptions { Email = BenchSession.Email, ApiKey = BenchSession.ApiKey, PendingDelay = TimeSpan.Zero }).GetAwaiter().GetResult();
            try
            {
                using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                Invoke(runspace, "Import-Module $args[0] -ErrorAction Stop; Connect-UpstashKafka -Credential $args[1] -ApiUri $args[2]", Repo.ModuleManifest, BenchSession.Credential, server.BaseUri);
                var seconds = new Dictionary<int, double>();
                Console.WriteLine();
                Console.WriteLine($"| Sync of {connectors} connectors, {DelayMs} ms per request | requests | time | ideal | time / ideal |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                // One unmeasured sync first, so JIT and first connections do not land on -ThrottleLimit 1.
                foreach (int throttle in Throttles.Prepend(0))
                {
                    server.Reset();
                    server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = DelayMs, Path = "/v2/kafka/*", Count = null });
                    var clock = Stopwatch.StartNew();
                    int written = Invoke(runspace, "@(Sync-UpstashKafkaConnector -Path $args[0] -ClusterId $args[1] -ThrottleLimit $args[2]).Count", folder, EmulatorOptions.DemoClusterId, throttle == 0 ? 8 : throttle);
                    clock.Stop();
                    int requests = server.Journal.Entries.Count;
                    if (written != connectors || server.Store.ConnectorCount() != connectors)
                    {
                        throw new InvalidOperationException($"The sync at -ThrottleLimit {throttle} made {server.Store.ConnectorCount()} connectors and wrote {written} results where {connectors} were expected.");
                    }

                    if (throttle == 0)
                    {
                        continue;
                    }

                    double ideal = requests * DelayMs / 1000.0 / throttle;
                    seconds[throttle] = clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"| -ThrottleLimit {throttle} | {requests} | {clock.Elapsed.TotalSeconds:0.00} s | {ideal:0.00} s | {clock.Elapsed.TotalSeconds / ideal:0.00}x |");
                }

                Console.WriteLine($"Speed-up of 8 in flight over 1: {seconds[1] / seconds[8]:0.0}x (aim: at least 5x); 4 over 1: {seconds[1] / seconds[4]:0.0}x.");
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("SYNC_BENCH_URI", null);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Invoke(Runspace runspace, string script, params object[] arguments)
    {
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        foreach (object argument in arguments)
        {
            shell.AddArgument(argument);
        }

        var output = shell.Invoke();
        if (shell.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("The sync benchmark failed: " + string.Join("; ", shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }

        return output.Count == 0 || output[0]?.BaseObject is not int count ? 0 : count;
    }
}
