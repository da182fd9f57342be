namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// How much to measure. Per-call figures are the median over <see cref="Rounds"/> rounds of <see cref="Batch"/> calls;
/// the variants take turns within each round and ratios are taken round by round (<see cref="Stats.PairedRatio"/>),
/// so drift in the machine's speed touches both sides of a ratio alike.
/// </summary>
public sealed record BenchSettings(int Rounds, int Batch, int WarmUpCalls, int ImportRunsWarm, int ImportRunsCold, int[] ListSizes, int ListRuns, int FreshProcessRuns)
{
    public static BenchSettings Full { get; } = new(Rounds: 61, Batch: 50, WarmUpCalls: 500, ImportRunsWarm: 41, ImportRunsCold: 9, ListSizes: [10_000, 100_000], ListRuns: 3, FreshProcessRuns: 7);

    /// <summary>--quick: a smoke run that checks every part works; its numbers are not for comparison.</summary>
    public static BenchSettings Quick { get; } = new(Rounds: 7, Batch: 20, WarmUpCalls: 40, ImportRunsWarm: 5, ImportRunsCold: 2, ListSizes: [10_000, 100_000], ListRuns: 1, FreshProcessRuns: 2);
}
