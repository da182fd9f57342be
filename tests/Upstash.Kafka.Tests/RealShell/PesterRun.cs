using System.Reflection;
using System.Text.Json;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.RealShell;

/// <summary>
/// Runs one Pester file in `dotnet pwsh -NoProfile` (the .NET tool pinned in .config/dotnet-tools.json) with Pester
/// 5.7.1 from NuGet, and judges it: a failing It fails the calling test with its name, file, line and message; a file
/// that finds no tests, crashes, or cannot start pwsh fails too, never passes silently.
/// </summary>
public static class PesterRun
{
    private static readonly string Runner = Repo.File("tests", "Upstash.Kafka.Tests", "RealShell", "Invoke-PesterFile.ps1");

    /// <summary>Pester's manifest in the NuGet package folder, put there by the test project's PackageDownload.</summary>
    private static readonly string PesterManifest = typeof(PesterRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PesterManifest").Value!;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The address and credential of the emulator, as a person sets them for the module.</summary>
    public static Dictionary<string, string> EmulatorEnvironment(EmulatorServer emulator) => new()
    {
        ["UPSTASH_API_URL"] = emulator.BaseUri.ToString().TrimEnd('/'),
        ["UPSTASH_EMAIL"] = emulator.Options.Email,
        ["UPSTASH_API_KEY"] = emulator.Options.ApiKey,
    };

    public static async Task RunAsync(string testFile, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        Assert.True(File.Exists(PesterManifest), $"Pester 5.7.1 is not at {PesterManifest}: the test project's PackageDownload should have put it there during restore.");
        string file = Path.GetFileName(testFile);
        string resultFile = Path.Combine(Path.GetTempPath(), $"pester-{Path.GetFileNameWithoutExtension(file)}-{Guid.NewGuid():N}.json");
        try
        {
            ChildProcessResult run = await ChildProcess.RunDotnetAsync(
                ["pwsh", "-NoProfile", "-NonInteractive", "-File", Runner, "-PesterManifest", PesterManifest, "-TestFile", testFile, "-ResultFile", resultFile],
                environment,
                TimeSpan.FromMinutes(10));
            Assert.True(File.Exists(resultFile), $"pwsh wrote no results for {file} (exit code {run.ExitCode}). It printed:\n{run.AllOutput}");
            PesterReport report = JsonSerializer.Deserialize<PesterReport>(File.ReadAllText(resultFile), JsonOptions)!;
            Judge(file, report, run, output);
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private static void Judge(string file, PesterReport report, ChildProcessResult run, ITestOutputHelper output)
    {
        Assert.Equal("5.7.1", report.PesterVersion);
        foreach (PesterTest test in report.Tests)
        {
            output.WriteLine($"{test.Result,-12} {test.Name}  ({test.Location})");
        }

        var failures = new List<string>();
        foreach (PesterTest test in report.Tests.Where(t => t.Result == "Failed"))
        {
            failures.Add($"FAILED: {test.Name}\n  at {test.Location}\n  {Indent(test.Message)}");
        }

        foreach (PesterFailure block in report.FailedBlocks)
        {
            failures.Add($"FAILED BLOCK (BeforeAll/AfterAll): {block.Name} in {file}\n  {Indent(block.Message)}");
        }

        foreach (PesterFailure container in report.FailedContainers)
        {
            failures.Add($"FAILED FILE: {container.Name}\n  {Indent(container.Message)}");
        }

        if (failures.Count > 0 || report.Result != "Passed")
        {
            output.WriteLine("\npwsh printed:\n" + run.AllOutput);
            Assert.Fail($"{file}: Pester result {report.Result}, exit code {run.ExitCode}.\n{string.Join("\n", failures)}");
        }

        Assert.True(report.Tests.Any(t => t.Result == "Passed"), $"{file} ran no test that passed: a Pester file that finds nothing must not pass.\n{run.AllOutput}");
    }

    private static string Indent(string text) => text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private sealed record PesterReport(string PesterVersion, string Result, IReadOnlyList<PesterTest> Tests, IReadOnlyList<PesterFailure> FailedBlocks, IReadOnlyList<PesterFailure> FailedContainers);

    private sealed record PesterTest(string Name, string Result, string Location, string Message);

    private sealed record PesterFailure(string Name, string Message);
}
