namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// Peak growth of the managed heap while something runs: a background thread samples the heap size every
/// millisecond against a baseline taken after a full collection. Garbage counts until it is collected, so a
/// streaming reader shows a flat peak (its garbage is collected as it goes) while one that keeps the whole list
/// shows a peak that grows with the list.
/// </summary>
public sealed class HeapSampler : IDisposable
{
    private readonly Thread thread;
    private readonly long baseline;
    private volatile bool running = true;
    private long peak;

    private HeapSampler()
    {
        baseline = GC.GetTotalMemory(forceFullCollection: true);
        peak = baseline;
        thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public static HeapSampler Start() => new();

    /// <summary>Bytes above the baseline at the highest sample; valid after Dispose.</summary>
    public long PeakGrowth => Math.Max(0, Interlocked.Read(ref peak) - baseline);

    /// <summary>What the run left reachable after it ended (a leak would show here).</summary>
    public long RetainedAfter { get; private set; }

    private void Sample()
    {
        while (running)
        {
            Record();
            Thread.Sleep(1);
        }
    }

    private void Record()
    {
        long now = GC.GetTotalMemory(forceFullCollection: false);
        if (now > Interlocked.Read(ref peak))
        {
            Interlocked.Exchange(ref peak, now);
        }
    }

    public void Dispose()
    {
        Record();
        running = false;
        thread.Join();
        RetainedAfter = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - baseline);
    }
}
