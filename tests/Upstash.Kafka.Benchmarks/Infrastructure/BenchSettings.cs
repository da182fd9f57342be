namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// How much to measure. Per-call figures are the median over <see cref="Rounds"/> rounds of <see cref="Batch"/> calls;
/// the variants take turns within each round, so drift in the machine's speed touches them all alike.
/// </summary>
public sealed record BenchSettings(int Rounds, int Batch, int WarmUpCalls, int ImportRunsWarm, int ImportRunsCold, int[] ListSizes, int ListRuns)
{
    public static BenchSettings Full { get; } = new(Rounds: 21, Batch: 200, WarmUpCalls: 400, ImportRunsWarm: 41, ImportRunsCold: 9, ListSizes: [10_000, 100_000], ListRuns: 3);

    /// <summary>--quick: a smoke run that checks every part works; its numbers are not for comparison.</summary>
    public static BenchSettings Quick { get; } = new(Rounds: 5, Batch: 50, WarmUpCalls: 50, ImportRunsWarm: 5, ImportRunsCold: 2, ListSizes: [10_000, 100_000], ListRuns: 1);
}
