namespace Upstash.Kafka.Benchmarks.Infrastructure;

public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The median of round-by-round ratios: each round measured both variants within moments of each other, so a
    /// burst of load elsewhere on the machine cancels out of the ratio instead of landing on one side of it.
    /// </summary>
    public static double PairedRatio(double[] measured, double[] baseline) =>
        Median(measured.Zip(baseline, (m, b) => m / b));

    /// <summary>The fastest round: the one least disturbed by other work on the machine.</summary>
    public static double Fastest(IEnumerable<double> values) => values.Min();

    /// <summary>Fastest round against fastest round, each side's best showing in the same run.</summary>
    public static double FastestRatio(double[] measured, double[] baseline) => Fastest(measured) / Fastest(baseline);

    /// <summary>The first timed round of each side (right after the warm-up, code still partly at tier 0).</summary>
    public static double FirstRatio(double[] measured, double[] baseline) => measured[0] / baseline[0];
}
