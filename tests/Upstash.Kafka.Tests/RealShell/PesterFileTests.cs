using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.RealShell;

/// <summary>
/// The real-shell lane: each tests/pester/*.Tests.ps1 runs once in `dotnet pwsh -NoProfile` (the .NET tool pinned in
/// .config/dotnet-tools.json) with Pester 5.7.1 from NuGet, against the built module in out/ and an emulator started
/// here on a free loopback port (see <see cref="PesterRun"/> for how a file is run and judged).
/// </summary>
public sealed class PesterFileTests(ITestOutputHelper output)
{
    private static readonly string PesterFolder = Repo.File("tests", "pester");

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
        var options = new EmulatorOptions { Email = "pester@example.com", ApiKey = "pester-key-" + Guid.NewGuid().ToString("N") };
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(options);
        await PesterRun.RunAsync(Path.Combine(PesterFolder, file), PesterRun.EmulatorEnvironment(emulator), output);
    }
}
