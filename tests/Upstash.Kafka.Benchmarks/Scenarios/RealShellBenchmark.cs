using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// The anchor users compare with: Invoke-RestMethod + ConvertTo-Json in a real pwsh (the .NET local tool), timed in
/// the same pwsh process as the hand-written HttpClient loop and the module (Scripts/RealShell.ps1).
/// </summary>
public static class RealShellBenchmark
{
    /// <param name="WarmCalls">Calls of each warm variant made after the timed rounds until the JIT went quiet.</param>
    /// <param name="WarmPerCallMs">The same rounds for <see cref="WarmVariants"/>, timed once the JIT went quiet.</param>
    public sealed record Result(string PSVersion, double ImportMs, Dictionary<string, double[]> PerCallMs, int WarmCalls, Dictionary<string, double[]> WarmPerCallMs);

    /// <summary>PowerShell's floor in a real pwsh: `$null = Write-Output 1` in the loop (no request).</summary>
    public const string WriteOutputFloor = "WriteOutputFloor";

    /// <summary>Timed again once warm: the create by hand and with the module, and the floor (which sends nothing).</summary>
    public static readonly string[] WarmVariants = [PowerShellLoopBenchmark.HandWrittenPost, PowerShellLoopBenchmark.ModulePost, WriteOutputFloor];

    /// <summary>At most this many calls of each warm variant are made while waiting for the JIT to go quiet.</summary>
    private const int MaxWarmCalls = 40_000;

    public static readonly string[] Variants =
        [
            PowerShellLoopBenchmark.RestMethodPost, PowerShellLoopBenchmark.HandWrittenPost, PowerShellLoopBenchmark.ModulePost, PowerShellLoopBenchmark.ModulePipeline,
            PowerShellLoopBenchmark.HandWrittenGetConverted, PowerShellLoopBenchmark.ModuleGet,
        ];

    public static Result Run(FixedAnswerServer server, BenchSettings settings)
    {
        var json = new JsonObject
        {
            ["ModuleManifest"] = Repo.ModuleManifest,
            ["BaseUri"] = server.BaseUri.ToString(),
            ["Email"] = BenchSession.Email,
            ["ApiKey"] = BenchSession.ApiKey,
            ["ClusterId"] = ConnectorJson.ClusterId,
            ["ConnectorId"] = ConnectorJson.ConnectorId,
            ["Name"] = ConnectorJson.Name,
            ["ConnectorClass"] = ConnectorJson.ConnectorClass,
            ["ConnectionUri"] = ConnectorJson.ConnectionUri,
            ["CreateBody"] = ConnectorJson.CreateBody,
            ["Variants"] = new JsonArray(Variants.Select(v => (JsonNode)v).ToArray()),
            ["Rounds"] = settings.Rounds,
            ["Batch"] = settings.Batch,
            ["WarmUpCalls"] = settings.WarmUpCalls,
            ["WarmVariants"] = new JsonArray(WarmVariants.Select(v => (JsonNode)v).ToArray()),
            ["MaxWarmCalls"] = MaxWarmCalls,
        };

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Repo.Script("RealShell.ps1"), "-SettingsJson", json.ToJsonString() })
        {
            start.ArgumentList.Add(argument);
        }

        long requestsBefore = server.Requests;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet pwsh.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet pwsh failed ({process.ExitCode}); run `dotnet tool restore` in {Repo.Root} first if pwsh is missing.\n{output}\n{error.Result}");
        }

        string line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        JsonNode result = JsonNode.Parse(line) ?? throw new InvalidOperationException("pwsh printed no result: " + output);
        int warmCalls = result["WarmCalls"]!.GetValue<int>();
        long expected = (long)Variants.Length * (PowerShellLoopBenchmark.WarmUpBatches(settings) + settings.Rounds + 1) * settings.Batch
            + (long)WarmVariants.Count(v => v != WriteOutputFloor) * (warmCalls + (settings.Rounds + 1) * settings.Batch);
        if (server.Requests - requestsBefore != expected)
        {
            throw new InvalidOperationException($"The real pwsh sent {server.Requests - requestsBefore} requests where {expected} were timed.");
        }

        return new Result(result["PSVersion"]!.GetValue<string>(), result["ImportMs"]!.GetValue<double>(), PerCall(result["PerCallMs"]!), warmCalls, PerCall(result["WarmPerCall"]!));
    }

    private static Dictionary<string, double[]> PerCall(JsonNode perCall) =>
        perCall.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(v => v!.GetValue<double>()).ToArray());
}
