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
}
