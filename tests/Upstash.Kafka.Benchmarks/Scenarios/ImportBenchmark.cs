using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// Import-Module of the built module into a fresh runspace, and the time from the start of the import to the first
/// command result (New-UpstashKafkaConnector with the credential from the environment, as a runbook does).
/// Cold: each run in a new process (the benchmark starts itself with --import-probe), so nothing is loaded or
/// jitted yet. Warm: fresh runspaces in this process, where the module's assembly is already loaded.
/// </summary>
public static class ImportBenchmark
{
    public const string ProbeSwitch = "--import-probe";

    /// <param name="EngineFirstImportMs">Import-Module of an empty manifest module first: what the engine itself pays for its first import.</param>
    public sealed record Probe(double EngineStartMs, double EngineFirstImportMs, double ImportMs, double FirstResultMs, string[] LoadedByImport, bool? HttpClientCreatedByImport);

    public sealed record Result(Probe[] Cold, double[] WarmImportMs, double[] WarmFirstResultMs, long ModuleFolderBytes);

    public static Result Run(FixedAnswerServer server, BenchSettings settings)
    {
        var cold = Enumerable.Range(0, settings.ImportRunsCold).Select(_ => RunColdProbe(server.BaseUri)).ToArray();
        var warmImport = new List<double>();
        var warmFirst = new List<double>();
        using (CredentialFromEnvironment(server.BaseUri))
        {
            for (int run = 0; run < settings.ImportRunsWarm + 1; run++)
            {
                Probe probe = Measure(Repo.ModuleManifest);
                if (run > 0)
                {
                    warmImport.Add(probe.ImportMs);
                    warmFirst.Add(probe.FirstResultMs);
                }
            }
        }

        long folderBytes = new DirectoryInfo(Repo.ModuleFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        return new Result(cold, [.. warmImport], [.. warmFirst], folderBytes);
    }

    /// <summary>The child process's work: one import and first command in a process that has loaded nothing yet.</summary>
    public static int RunProbe()
    {
        Probe probe = Measure(Repo.ModuleManifest);
        Console.WriteLine(JsonSerializer.Serialize(probe));
        return 0;
    }

    private static Probe Measure(string manifest)
    {
        long engineStart = Stopwatch.GetTimestamp();
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        double engineMs = Stopwatch.GetElapsedTime(engineStart).TotalMilliseconds;

        // A process's first Import-Module of anything costs the engine seconds here (loading and compiling its own
        // module code, telemetry, CIM); that is PowerShell's, paid once per session whatever the module. Import an
        // empty module first so the figure below is the cost of this module.
        long engineImportStart = Stopwatch.GetTimestamp();
        Invoke(runspace, "Import-Module $m -ErrorAction Stop", ("m", EmptyModuleManifest()));
        double engineImportMs = Stopwatch.GetElapsedTime(engineImportStart).TotalMilliseconds;

        var before = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").ToHashSet();
        long importStart = Stopwatch.GetTimestamp();
        Invoke(runspace, "Import-Module $m -ErrorAction Stop", ("m", manifest));
        double importMs = Stopwatch.GetElapsedTime(importStart).TotalMilliseconds;
        string[] loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Where(n => !before.Contains(n)).Order().ToArray();
        bool? httpClientCreated = ModuleInternals.SharedHttpClientCreated();

        var properties = new System.Collections.Hashtable { ["connector.class"] = ConnectorJson.ConnectorClass, ["connection.uri"] = ConnectorJson.ConnectionUri };
        int results = Invoke(runspace, "New-UpstashKafkaConnector -Name $n -ClusterId $c -Property $p -ErrorAction Stop", ("n", ConnectorJson.Name), ("c", ConnectorJson.ClusterId), ("p", properties));
        double firstMs = Stopwatch.GetElapsedTime(importStart).TotalMilliseconds;
        if (results != 1)
        {
            throw new InvalidOperationException("The first command after import gave no connector.");
        }

        return new Probe(engineMs, engineImportMs, importMs, firstMs, loaded, httpClientCreated);
    }

    /// <summary>A manifest-only module with nothing in it, written once to the temp folder.</summary>
    private static string EmptyModuleManifest()
    {
        string folder = Path.Combine(Path.GetTempPath(), "Upstash.Kafka.Benchmarks", "EmptyModule");
        string manifest = Path.Combine(folder, "EmptyModule.psd1");
        if (!File.Exists(manifest))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0'; GUID = 'f0e2f6c4-0d5c-4a55-9d4c-1d0a3c1b2e77'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }");
        }

        return manifest;
    }

    private static int Invoke(Runspace runspace, string script, params (string Name, object Value)[] variables)
    {
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        foreach ((string name, object value) in variables)
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        int count = shell.AddScript(script).Invoke().Count;
        if (shell.HadErrors)
        {
            throw new InvalidOperationException("Failed: " + script + ": " + string.Join("; ", shell.Streams.Error));
        }

        return count;
    }

    private static Probe RunColdProbe(Uri baseUri)
    {
        string self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImportBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add(ProbeSwitch);
        SetCredential(start.Environment, baseUri);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the import probe.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The import probe failed ({process.ExitCode}):\n{output}\n{error.Result}");
        }

        return JsonSerializer.Deserialize<Probe>(output.Trim().Split('\n').Last()) ?? throw new InvalidOperationException("The import probe printed nothing.");
    }

    private static void SetCredential(IDictionary<string, string?> environment, Uri baseUri)
    {
        environment["UPSTASH_EMAIL"] = BenchSession.Email;
        environment["UPSTASH_API_KEY"] = BenchSession.ApiKey;
        environment["UPSTASH_API_URL"] = baseUri.ToString();
    }

    private static EnvironmentScope CredentialFromEnvironment(Uri baseUri)
    {
        var scope = new EnvironmentScope(["UPSTASH_EMAIL", "UPSTASH_API_KEY", "UPSTASH_API_URL"]);
        var values = new Dictionary<string, string?>();
        SetCredential(values, baseUri);
        foreach ((string name, string? value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        return scope;
    }

    /// <summary>Puts environment variables back as they were.</summary>
    private sealed class EnvironmentScope(string[] names) : IDisposable
    {
        private readonly Dictionary<string, string?> saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

        public void Dispose()
        {
            foreach ((string name, string? value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
