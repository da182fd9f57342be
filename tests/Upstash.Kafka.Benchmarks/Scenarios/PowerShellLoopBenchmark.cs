using System.Collections;
using System.Management.Automation;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// The PowerShell loops of Scripts/PerCallLoops.ps1 in the in-process engine, all in one runspace, variants taking
/// turns round by round. The server's request count proves every timed call was really sent.
/// </summary>
public static class PowerShellLoopBenchmark
{
    public const string HandWrittenPost = "HandWrittenPost";
    public const string HandWrittenPipeline = "HandWrittenPipeline";
    public const string ModulePost = "ModulePost";
    public const string ModulePipeline = "ModulePipeline";
    public const string HandWrittenGet = "HandWrittenGet";
    public const string HandWrittenGetConverted = "HandWrittenGetConverted";
    public const string ModuleGet = "ModuleGet";
    public const string RestMethodPost = "RestMethodPost";
    public const string CmdletFloor = "CmdletFloor";

    /// <returns>Milliseconds per call, one value per round, by variant.</returns>
    public static Dictionary<string, double[]> Run(BenchSession session, FixedAnswerServer server, BenchSettings settings, bool withModuleGet)
    {
        Initialize(session, server.BaseUri, settings);
        string[] variants = withModuleGet
            ? [HandWrittenPost, ModulePost, ModulePipeline, HandWrittenPipeline, CmdletFloor, HandWrittenGet, HandWrittenGetConverted, ModuleGet]
            : [HandWrittenPost, ModulePost, ModulePipeline, HandWrittenPipeline, CmdletFloor, HandWrittenGet, HandWrittenGetConverted];

        long requestsBefore = server.Requests;
        var result = (Hashtable)session.Run(
            "Invoke-BenchRound -Variant $variants -Rounds $rounds -Batch $batch -WarmUpCalls $warmUp",
            ("variants", variants), ("rounds", settings.Rounds), ("batch", settings.Batch), ("warmUp", settings.WarmUpCalls)).Single().BaseObject;

        // Warm-up, the timed rounds and one batch for the allocation count, for every variant but the cmdlet floor.
        long expected = (long)(variants.Length - 1) * (WarmUpBatches(settings) + settings.Rounds + 1) * settings.Batch;
        long sent = server.Requests - requestsBefore;
        if (sent != expected)
        {
            throw new InvalidOperationException($"The PowerShell loops sent {sent} requests where {expected} were timed; a measurement would be wrong.");
        }

        return variants.SelectMany(v => new[] { v, v + CSharpLoopBenchmark.BytesSuffix, v + JitSuffix }).ToDictionary(k => k, k => ToDoubles(result[k]));
    }

    /// <summary>Key suffix of the methods the JIT compiled per timed call while a variant's rounds ran (one value).</summary>
    public const string JitSuffix = "/jit";

    public static int WarmUpBatches(BenchSettings settings) => (settings.WarmUpCalls + settings.Batch - 1) / settings.Batch;

    private static void Initialize(BenchSession session, Uri baseUri, BenchSettings settings) =>
        session.Run(
            "Initialize-BenchLoop -BaseUri $u -Email $e -ApiKey $k -ClusterId $c -ConnectorId $id -Name $n -ConnectorClass $cc -ConnectionUri $cu -CreateBody $b -Batch $batch",
            ("u", baseUri), ("e", BenchSession.Email), ("k", BenchSession.ApiKey), ("c", ConnectorJson.ClusterId), ("id", ConnectorJson.ConnectorId),
            ("n", ConnectorJson.Name), ("cc", ConnectorJson.ConnectorClass), ("cu", ConnectorJson.ConnectionUri), ("b", ConnectorJson.CreateBody),
            ("batch", settings.Batch));

    private static double[] ToDoubles(object? value) => value switch
    {
        double[] doubles => doubles,
        PSObject wrapped => ToDoubles(wrapped.BaseObject),
        IEnumerable items => items.Cast<object>().Select(i => Convert.ToDouble(i is PSObject p ? p.BaseObject : i, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new InvalidOperationException("Unexpected loop result: " + value),
    };
}
