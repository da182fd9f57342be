using System.Diagnostics;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// Listing a cluster of 10,000 and 100,000 connectors: total time, time to the first object and peak heap growth,
/// through Get-UpstashKafkaConnector -ClusterId (when the cmdlet exists) and through the module's client alone.
/// The server generates each list while sending it, so the figures are the module's.
/// </summary>
public static class ListBenchmark
{
    public sealed record Measurement(int Size, double TotalMs, double FirstMs, long PeakHeapGrowth, long RetainedAfter);

    public static string ClusterFor(int size) => $"{size:x8}-1157-4000-8000-000000000000";

    public static void Prepare(FixedAnswerServer server, BenchSettings settings)
    {
        foreach (int size in settings.ListSizes)
        {
            server.AddCluster(ClusterFor(size), size);
        }
    }

    /// <summary>Get-UpstashKafkaConnector -ClusterId $c | Measure-BenchStream, median of the runs for each size.</summary>
    public static List<Measurement> ThroughCmdlet(BenchSession session, BenchSettings settings) =>
        Measure(settings, size =>
        {
            StreamProbe.Current = new StreamProbe();
            session.Run("Get-UpstashKafkaConnector -ClusterId $c | Measure-BenchStream", ("c", ClusterFor(size)));
            return StreamProbe.Current;
        });

    /// <summary>ConnectorApi.ListAsync with a callback per connector: the client's streaming without a pipeline.</summary>
    public static List<Measurement>? ThroughClient(Uri baseUri, BenchSettings settings)
    {
        bool available = true;
        List<Measurement> result = Measure(settings, size =>
        {
            var probe = new StreamProbe();
            available = ModuleInternals.TryList(baseUri, ClusterFor(size), probe.Arrived);
            return probe;
        });
        return available ? result : null;
    }

    private static List<Measurement> Measure(BenchSettings settings, Func<int, StreamProbe> list)
    {
        // One unmeasured run warms up the code path (JIT, connection) so the first size is not charged for it.
        list(settings.ListSizes.Min());
        var measurements = new List<Measurement>();
        foreach (int size in settings.ListSizes)
        {
            var runs = new List<Measurement>();
            for (int run = 0; run < settings.ListRuns; run++)
            {
                var heap = HeapSampler.Start();
                long start = Stopwatch.GetTimestamp();
                StreamProbe probe;
                double total;
                try
                {
                    probe = list(size);
                    total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                finally
                {
                    heap.Dispose();
                }

                if (probe.Count != size)
                {
                    throw new InvalidOperationException($"Listing {size} connectors gave {probe.Count} objects.");
                }

                runs.Add(new Measurement(size, total, probe.MillisecondsToFirst, heap.PeakGrowth, heap.RetainedAfter));
            }

            measurements.Add(new Measurement(
                size,
                Stats.Median(runs.Select(r => r.TotalMs)),
                Stats.Median(runs.Select(r => r.FirstMs)),
                (long)Stats.Median(runs.Select(r => (double)r.PeakHeapGrowth)),
                (long)Stats.Median(runs.Select(r => (double)r.RetainedAfter))));
        }

        return measurements;
    }
}
