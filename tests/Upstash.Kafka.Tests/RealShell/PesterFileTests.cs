using System.Reflection;
using System.Text.Json;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.RealShell;

/// <summary>
/// The real-shell lane: each tests/pester/*.Tests.ps1 runs once in `dotnet pwsh -NoProfile` (the .NET tool pinned in
/// .config/dotnet-tools.json) with Pester 5.7.1 from NuGet, against the built module in out/ and an emulator started
/// here on a free loopback port. A failing It fails this test with its name, file, line and message; a file that finds
/// no tests, crashes, or cannot start pwsh fails too, never passes silently.
/// </summary>
public sealed class PesterFileTests(ITestOutputHelper output)
{
    private static readonly string PesterFolder = Repo.File("tests", "pester");

    private static readonly string Runner = Repo.File("tests", "Upstash.Kafka.Tests", "RealShell", "Invoke-PesterFile.ps1");

    /// <summary>Pester's manifest in the NuGet package folder, put there by the test project's PackageDownload.</summary>
    private static readonly string PesterManifest = typeof(PesterFileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PesterManifest").Value!;

    public static TheoryData<string> PesterFiles()
    {
        var files = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(PesterFolder, "*.Tests.ps1").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Fact]
    public void The_pester_folder_holds_test_files() => Assert.NotEmpty(PesterFiles());

    [Theory]
    [MemberData(nameof(PesterFiles))]
    public async Task Every_It_passes_in_a_real_pwsh(string file)
    {
        Assert.True(File.Exists(PesterManifest), $"Pester 5.7.1 is not at {PesterManifest}: the test project's PackageDownload should have put it there during restore.");
        string resultFile = Path.Combine(Path.GetTempPath(), $"pester-{Path.GetFileNameWithoutExtension(file)}-{Guid.NewGuid():N}.json");
        var options = new EmulatorOptions { Email = "pester@example.com", ApiKey = "pester-key-" + Guid.NewGuid().ToString("N") };
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(options);
        var environment = new Dictionary<string, string>
        {
            ["UPSTASH_API_URL"] = emulator.BaseUri.ToString().TrimEnd('/'),
            ["UPSTASH_EMAIL"] = options.Email,
            ["UPSTASH_API_KEY"] = options.ApiKey,
        };

        ChildProcessResult run;
        try
        {
            run = await ChildProcess.RunDotnetAsync(
                ["pwsh", "-NoProfile", "-NonInteractive", "-File", Runner, "-PesterManifest", PesterManifest, "-TestFile", Path.Combine(PesterFolder, file), "-ResultFile", resultFile],
                environment,
                TimeSpan.FromMinutes(10));
            Assert.True(File.Exists(resultFile), $"pwsh wrote no results for {file} (exit code {run.ExitCode}). It printed:\n{run.AllOutput}");
            PesterReport report = JsonSerializer.Deserialize<PesterReport>(File.ReadAllText(resultFile), JsonOptions)!;
            Judge(file, report, run);
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private void Judge(string file, PesterReport report, ChildProcessResult run)
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

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record PesterReport(string PesterVersion, string Result, IReadOnlyList<PesterTest> Tests, IReadOnlyList<PesterFailure> FailedBlocks, IReadOnlyList<PesterFailure> FailedContainers);

    private sealed record PesterTest(string Name, string Result, string Location, string Message);

    private sealed record PesterFailure(string Name, string Message);
}
