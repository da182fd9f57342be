using System.Globalization;
using Upstash.Kafka.Benchmarks.Infrastructure;
using Upstash.Kafka.Benchmarks.Report;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// The migration issue's speed target: copying or syncing 200 connectors to Kafka Connect at 50 ms per answer is at
/// least 6x faster with -ThrottleLimit 8 than with 1, and within 1.2x of the ideal. Copy is
/// <c>Get-UpstashKafkaConnector -ClusterId | Copy-UpstashKafkaConnector -Destination $kc</c> (Upstash to Kafka Connect),
/// Sync is <c>Sync-UpstashKafkaConnector -Connection $kc -Path</c> of a folder of 200 files; both into an empty Kafka
/// Connect, so every connector is created. A fixed-answer server of its own plays both servers (Upstash under /v2/,
/// a stateful Kafka Connect at its root, <see cref="MigrationFake"/>) and answers every request 50 ms late.
/// </summary>
/// <remarks>
/// The ideal is what the requests the module actually sent (counted by the server, by kind) cost at 50 ms each when
/// -ThrottleLimit of them are always in flight: the per-connector requests (a connector's requests follow one another,
/// the connectors run side by side) x 50 ms / limit, plus the once-per-command requests (the list that comes before any
/// connector is known) x 50 ms, which nothing can overlap. A round of 200 at -ThrottleLimit 1 takes 200 x (requests per
/// connector) x 50 ms, so there are only a few rounds (2; 1 with --quick), limits 1 and 8 taking turns, after one
/// unmeasured run of each command at 8 (the JIT, the first connections). In-process engine only.
/// </remarks>
public static class MigrationBenchmark
{
    public const int LatencyMs = 50;
    public const string Copy = "Copy";
    public const string Sync = "Sync";

    private const string SourceCluster = "5b2c1c3e-6f0a-4d8e-9a51-0c3f2e7d9b40";
    private const string UriVariable = "MIGRATION_BENCH_URI";
    private static readonly int[] Limits = [1, 8];

    /// <summary>One timed command: its time, what the server saw while it ran.</summary>
    /// <param name="BusyMs">The requests' time in the server added up (each 50 ms + its answer).</param>
    /// <param name="ActiveMs">From the first request the server read to the last answer it wrote.</param>
    public sealed record Measurement(string Command, int Limit, int Round, double Ms, Dictionary<string, long> Requests, int MaxInFlight, double BusyMs, double ActiveMs)
    {
        public long Total => Requests.Values.Sum();

        public long Serial => Requests.Where(p => MigrationFake.SerialKinds.Contains(p.Key)).Sum(p => p.Value);

        public long PerConnector => Total - Serial;

        /// <summary>Per-connector requests x 50 ms / limit + serial requests x 50 ms.</summary>
        public double IdealMs(int limit) => IdealMs(limit, LatencyMs);

        /// <summary>The same with the server's own time per request (the 50 ms as Task.Delay kept them, and the answer) instead of 50 ms.</summary>
        public double ServerIdealMs(int limit) => IdealMs(limit, BusyMs / Total);

        private double IdealMs(int limit, double latencyMs) => (PerConnector * latencyMs / limit) + (Serial * latencyMs);
    }

    public sealed record Result(int Connectors, int Rounds, List<Measurement> Runs);

    public static Result Run(bool quick)
    {
        int connectors = quick ? 40 : 200;
        int rounds = quick ? 1 : 2;
        using var server = new FixedAnswerServer(TimeSpan.FromMilliseconds(LatencyMs));
        var fake = new MigrationFake(server.BaseUri);
        server.Answer = fake.Answer;
        server.AddCluster(SourceCluster, connectors);
        string folder = Directory.CreateTempSubdirectory("migration-bench-").FullName;
        Environment.SetEnvironmentVariable(UriVariable, "mongodb://app:bench-secret@db.example:27017");
        try
        {
            for (int i = 0; i < connectors; i++)
            {
                File.WriteAllText(
                    Path.Combine(folder, $"sync-{i:D3}.json"),
                    $"{{\"name\": \"sync-{i:D3}\", \"config\": {{\"connector.class\": \"com.mongodb.kafka.connect.MongoSourceConnector\", \"connection.uri\": \"${{env:{UriVariable}}}\", \"database\": \"shop\", \"collection\": \"orders-{i:D3}\", \"tasks.max\": \"1\"}}}}");
            }

            using var session = new BenchSession(server.BaseUri);
            session.Run("$global:MigrationBenchKc = Connect-UpstashKafka -KafkaConnectUri $u -NotDefault -PassThru", ("u", server.BaseUri));

            // Unmeasured: one of each at 8, so the JIT and the first connections land on no timed run.
            foreach (string command in new[] { Copy, Sync })
            {
                Measure(session, server, fake, command, 8, -1, connectors, folder);
            }

            var runs = new List<Measurement>();
            for (int round = 0; round < rounds; round++)
            {
                int[] order = round % 2 == 0 ? Limits : [.. Limits.Reverse()];
                foreach (string command in new[] { Copy, Sync })
                {
                    foreach (int limit in order)
                    {
                        Measurement m = Measure(session, server, fake, command, limit, round, connectors, folder);
                        Console.WriteLine($"  {command} -ThrottleLimit {limit}, round {round + 1}: {Format.Millis(m.Ms)}, {m.Total} requests, at most {m.MaxInFlight} in flight");
                        runs.Add(m);
                    }
                }
            }

            return new Result(connectors, rounds, runs);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UriVariable, null);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Measurement Measure(BenchSession session, FixedAnswerServer server, MigrationFake fake, string command, int limit, int round, int connectors, string folder)
    {
        fake.Clear();
        Dictionary<string, long> before = fake.Counts();
        long requestsBefore = server.Requests;
        server.ResetConcurrency();
        // Timed in the runspace around the command alone; the checks after it are not timed.
        string pipeline = command == Copy
            ? "Get-UpstashKafkaConnector -ClusterId $c | Copy-UpstashKafkaConnector -Destination $MigrationBenchKc -ThrottleLimit $t -WarningVariable w"
            : "Sync-UpstashKafkaConnector -Connection $MigrationBenchKc -Path $p -ThrottleLimit $t -WarningVariable w";
        var output = session.Run(
            "$w = $null; $clock = [Diagnostics.Stopwatch]::StartNew(); $r = @(" + pipeline + "); $ms = $clock.Elapsed.TotalMilliseconds\n"
            + "$ms; $r.Count; @($r | Where-Object { \"$($_.Outcome)\" -eq 'Created' }).Count; @($w).Count; \"$(@($w)[0])\"",
            ("c", SourceCluster), ("p", folder), ("t", limit));
        double ms = Convert.ToDouble(output[0].BaseObject, CultureInfo.InvariantCulture);
        int written = (int)output[1].BaseObject;
        int createdResults = (int)output[2].BaseObject;
        int warnings = (int)output[3].BaseObject;
        double busyMs = server.BusyTime.TotalMilliseconds;
        double activeMs = server.ActiveSpan.TotalMilliseconds;
        int maxInFlight = server.MaxInFlight;
        Dictionary<string, long> after = fake.Counts();
        var requests = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
        foreach (string none in requests.Where(p => p.Value == 0).Select(p => p.Key).ToList())
        {
            requests.Remove(none);
        }

        long seen = server.Requests - requestsBefore;
        string? wrong =
            written != connectors || createdResults != connectors ? $"wrote {written} results, {createdResults} of them Created, where {connectors} were expected"
            : fake.ConnectorCount != connectors ? $"left {fake.ConnectorCount} connectors on Kafka Connect where {connectors} were expected"
            : seen != requests.Values.Sum() ? $"sent {seen} requests, of which the fake counted {requests.Values.Sum()}"
            : null;
        if (wrong != null)
        {
            throw new InvalidOperationException($"{command} at -ThrottleLimit {limit} {wrong}; a measurement would be wrong.");
        }

        if (round < 0 && warnings > 0)
        {
            Console.WriteLine($"  note: {command} wrote {warnings} warning(s), e.g.: {output[4].BaseObject}");
        }

        return new Measurement(command, limit, round, ms, requests, maxInFlight, busyMs, activeMs);
    }

    public static void AddRows(ResultTable table, Result result)
    {
        table.Section($"Migration to Kafka Connect: {result.Connectors} connectors, every answer {LatencyMs} ms late (in-process engine; {result.Rounds} round(s), -ThrottleLimit 1 and 8 taking turns; fastest run of each)");
        foreach (string command in new[] { Copy, Sync })
        {
            // No '|' in a cell: it would split the Markdown row.
            string what = command == Copy
                ? "Copy-UpstashKafkaConnector -Destination $kc (piped from Get-UpstashKafkaConnector -ClusterId)"
                : "Sync-UpstashKafkaConnector -Connection $kc -Path (a folder of files)";
            Measurement[] at1 = result.Runs.Where(r => r.Command == command && r.Limit == 1).ToArray();
            Measurement[] at8 = result.Runs.Where(r => r.Command == command && r.Limit == 8).ToArray();
            Measurement fastest1 = at1.MinBy(r => r.Ms)!;
            Measurement fastest8 = at8.MinBy(r => r.Ms)!;
            long[] totals = result.Runs.Where(r => r.Command == command).Select(r => r.Total).Distinct().ToArray();

            double perConnector = fastest8.PerConnector / (double)result.Connectors;
            string kinds = string.Join(", ", fastest8.Requests.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
            table.Info(
                $"{command}: requests the module sent per run",
                $"{fastest8.Total} = {fastest8.PerConnector} per connector ({perConnector.ToString("0.##", CultureInfo.InvariantCulture)} each) + {fastest8.Serial} serial (lists); {kinds}"
                    + (totals.Length > 1 ? $"; runs differ: {string.Join("/", totals)}" : string.Empty),
                "");

            double ideal1 = fastest1.IdealMs(1);
            double ideal8 = fastest8.IdealMs(8);
            table.Info(
                $"{what} -ThrottleLimit 1",
                $"fastest {Seconds(fastest1.Ms)} (runs {string.Join(", ", at1.Select(r => Seconds(r.Ms)))}); {Timeline(fastest1)}",
                $"{Format.Ratio(fastest1.Ms / ideal1)} of {Seconds(ideal1)} (all {fastest1.Total} requests x {LatencyMs} ms); {Format.Ratio(fastest1.Ms / fastest1.ServerIdealMs(1))} at the server's own time per request");
            table.Info(
                $"{what} -ThrottleLimit 8",
                $"fastest {Seconds(fastest8.Ms)} (runs {string.Join(", ", at8.Select(r => Seconds(r.Ms)))}); {Timeline(fastest8)}",
                $"{Format.Ratio(fastest8.Ms / ideal8)} of ideal {Seconds(ideal8)}; {Format.Ratio(fastest8.Ms / fastest8.ServerIdealMs(8))} of {Seconds(fastest8.ServerIdealMs(8))} at the server's own time per request");

            double speedUp = fastest1.Ms / fastest8.Ms;
            table.Target(
                $"{command}: speed-up of -ThrottleLimit 8 over 1",
                $"{Seconds(fastest1.Ms)} / {Seconds(fastest8.Ms)}",
                Format.Ratio(speedUp),
                ">= 6.00x",
                speedUp >= 6.0);

            double ratio = fastest8.Ms / ideal8;
            table.Target(
                $"{command} -ThrottleLimit 8 against the ideal",
                $"{Seconds(fastest8.Ms)}; ideal {Seconds(ideal8)} = {fastest8.PerConnector} per-connector requests x {LatencyMs} ms / 8 + {fastest8.Serial} serial x {LatencyMs} ms",
                $"{Format.Ratio(ratio)} of ideal",
                "<= 1.20x",
                ratio <= 1.2);
        }
    }

    /// <summary>
    /// Where a run's time went, as the server saw it: its time per request (50 ms + the answer), the module's own time
    /// between one answer and the next request (at limit 1: the time not in the server, per request), the time before the
    /// first request and after the last answer, and how many requests were in flight.
    /// </summary>
    private static string Timeline(Measurement m)
    {
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        string outside = $"{Format.Millis(m.Ms - m.ActiveMs)} before the first request and after the last answer";
        return m.Limit == 1
            ? $"server {F(m.BusyMs / m.Total)} ms per request, the module {F((m.ActiveMs - m.BusyMs) / Math.Max(1, m.Total - 1))} ms between answer and next request, {outside}"
            : $"server {F(m.BusyMs / m.Total)} ms per request, at most {m.MaxInFlight} in flight, {F(m.BusyMs / m.ActiveMs)} on average while in use ({Seconds(m.ActiveMs)}), {outside}";
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
