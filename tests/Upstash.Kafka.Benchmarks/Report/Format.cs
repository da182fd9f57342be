using System.Globalization;

namespace Upstash.Kafka.Benchmarks.Report;

public static class Format
{
    public static string Micros(double milliseconds) => (milliseconds * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    public static string Millis(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string KiB(long bytes) => (bytes / 1024.0).ToString(bytes < 100 * 1024 ? "0.0" : "0", CultureInfo.InvariantCulture) + " KiB";
}
