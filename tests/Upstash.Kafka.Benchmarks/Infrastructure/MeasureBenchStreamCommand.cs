using System.Diagnostics;
using System.Management.Automation;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// The end of a measured list pipeline (Get-UpstashKafkaConnector -ClusterId $c | Measure-BenchStream): notes when
/// the first object arrived and counts the rest, keeping none of them, so the pipeline's memory is the producer's.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "BenchStream")]
public sealed class MeasureBenchStreamCommand : PSCmdlet
{
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord() => StreamProbe.Current.Arrived();
}

/// <summary>When a streamed list started, when its first item arrived, and how many came.</summary>
public sealed class StreamProbe
{
    public static StreamProbe Current { get; set; } = new();

    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    public long FirstTimestamp { get; private set; }

    public int Count { get; private set; }

    public void Arrived()
    {
        if (Count++ == 0)
        {
            FirstTimestamp = Stopwatch.GetTimestamp();
        }
    }

    public double MillisecondsToFirst => Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(StartTimestamp, FirstTimestamp).TotalMilliseconds;
}
