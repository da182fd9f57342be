using System.Diagnostics;
using System.Text.RegularExpressions;
using Upstash.Kafka.Tests.Infrastructure;
using Upstash.Kafka.Tests.RealShell;
using Xunit.Abstractions;

namespace Upstash.Kafka.Tests.Packaging;

/// <summary>
/// The emulator as a runbook author gets it: `dotnet tool install` from the package folder alone (a NuGet config
/// with no other source, so nothing comes from the internet), started on a free port, and used by the module: the
/// README's "Test your runbooks offline" Pester file runs against it.
/// </summary>
[Collection(ReleasePackagesCollection.Name)]
public sealed class EmulatorToolTests(ReleasePackages packages, ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upstash-kafka-tool-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_installed_tool_serves_the_module_and_the_READMEs_runbook_tests_pass()
    {
        string tools = Path.Combine(folder, "tools");
        await InstallTool(tools);
        using Process emulator = StartTool(tools, out string url);
        try
        {
            string runbookTests = Path.Combine(folder, "Sync-OrdersConnector.Tests.ps1");
            File.WriteAllText(runbookTests, ReadmeBlock("offline-runbook"));
            var environment = new Dictionary<string, string>
            {
                ["UPSTASH_API_URL"] = url,
                ["UPSTASH_EMAIL"] = "demo@example.com",
                ["UPSTASH_API_KEY"] = "emulator-demo-key",
                // As after Install-Module: the module found by name.
                ["PSModulePath"] = Path.GetDirectoryName(Repo.ModuleFolder) + Path.PathSeparator + Environment.GetEnvironmentVariable("PSModulePath"),
            };

            await PesterRun.RunAsync(runbookTests, environment, output);
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync();
        }
    }

    private async Task InstallTool(string tools)
    {
        string config = Path.Combine(folder, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="release" value="{ReleasePackages.Folder}" />
              </packageSources>
            </configuration>
            """);
        ChildProcessResult install = await ChildProcess.RunDotnetAsync(
            ["tool", "install", "upstash-kafka-emulator", "--tool-path", tools, "--configfile", config, "--version", packages.Version],
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed with exit code {install.ExitCode}:\n{install.AllOutput}");
        Assert.Contains("upstash-kafka-emulator", install.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Starts the installed command with --port 0 and reads the address it chose from its first line.</summary>
    private static Process StartTool(string tools, out string url)
    {
        string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "upstash-kafka-emulator.exe" : "upstash-kafka-emulator");
        Assert.True(File.Exists(command), $"The tool installed no command {command}.");
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        Process process = Process.Start(start)!;
        Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
        if (!firstLine.Wait(TimeSpan.FromSeconds(60)) || firstLine.Result is not { } line)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("upstash-kafka-emulator printed nothing within 60 seconds.");
        }

        Match listening = Regex.Match(line, @"listening on (http://127\.0\.0\.1:\d+)");
        Assert.True(listening.Success, $"upstash-kafka-emulator's first line does not say where it listens: {line}");
        url = listening.Groups[1].Value;
        return process;
    }

    private static string ReadmeBlock(string marker)
    {
        string readme = File.ReadAllText(Repo.File("README.md")).ReplaceLineEndings("\n");
        Match match = Regex.Match(readme, $"<!-- {marker} -->\n```powershell\n(.*?)```\n<!-- /{marker} -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no ```powershell block between <!-- {marker} --> markers");
        return match.Groups[1].Value;
    }
}
