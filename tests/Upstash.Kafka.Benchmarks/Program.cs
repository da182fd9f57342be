using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Upstash.Kafka.Benchmarks.Infrastructure;
using Upstash.Kafka.Benchmarks.Report;
using Upstash.Kafka.Benchmarks.Scenarios;

namespace Upstash.Kafka.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Upstash.Kafka.Benchmarks [-- --quick] [--no-pwsh] [--only create|pwsh|list|import|sync] [--strict] [--serve]
/// Measures the module against a hand-written HttpClient loop, Invoke-RestMethod and raw C#, in one run on one
/// machine, and prints one table of ratios with PASS/MISS per target (see README.md beside this file).
/// </summary>
public static class Program
{
    private const string GetCmdlet = "Get-UpstashKafkaConnector";
    private const string CmdletMissing = "n/a (cmdlet missing)";

    public static int Main(string[] args)
    {
        if (args.Contains(ImportBenchmark.ProbeSwitch))
        {
            return ImportBenchmark.RunProbe();
        }

        if (args.Contains("--serve"))
        {
            return Serve();
        }

        BenchSettings settings = args.Contains("--quick") ? BenchSettings.Quick : BenchSettings.Full;
        if (!File.Exists(Repo.ModuleManifest))
        {
            Console.Error.WriteLine($"The built module is missing ({Repo.ModuleManifest}); run `dotnet build Upstash.sln` first.");
            return 2;
        }

        Console.WriteLine($"Upstash.Kafka benchmark: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, "
            + $"System.Management.Automation {typeof(System.Management.Automation.PowerShell).Assembly.GetName().Version}");
        Console.WriteLine($"Per-call figures: median over {settings.Rounds} rounds of {settings.Batch} calls after {settings.WarmUpCalls} warm-up calls per variant; ratios are medians of round-by-round ratios. The server is a fixed-answer HTTP server on loopback.");
        if (args.Contains("--quick"))
        {
            Console.WriteLine("--quick: a smoke run; its numbers are not for comparison.");
        }

        using var server = new FixedAnswerServer();
        ListBenchmark.Prepare(server, settings);

        // --only create|pwsh|list|import: one part, for iterating on a fix; the full run is what the targets are judged on.
        string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        bool Part(string name) => only == null || only == name;

        ImportBenchmark.Result? import = null;
        if (Part("import"))
        {
            Step("Import (cold processes, then warm runspaces)");
            import = ImportBenchmark.Run(server, settings);
        }

        using var session = new BenchSession(server.BaseUri);
        bool hasGet = session.HasCommand(GetCmdlet);
        Dictionary<string, double[]>? csharp = null;
        Dictionary<string, double[]>? loops = null;
        if (Part("create"))
        {
            Step("C# loops: raw HttpClient and the module's client");
            csharp = CSharpLoopBenchmark.Run(server.BaseUri, settings);
            Step("PowerShell loops in the in-process engine");
            loops = PowerShellLoopBenchmark.Run(session, server, settings, hasGet);
        }

        RealShellBenchmark.Result? real = null;
        if (Part("pwsh") && !args.Contains("--no-pwsh"))
        {
            Step("Real pwsh (dotnet pwsh): Invoke-RestMethod, hand-written HttpClient, the module");
            RestoreTools();
            real = RealShellBenchmark.Run(server, settings);
        }

        List<ListBenchmark.Measurement>? cmdletLists = null;
        List<ListBenchmark.Measurement>? clientLists = null;
        if (Part("list"))
        {
            if (hasGet)
            {
                Step($"Listing through {GetCmdlet} -ClusterId");
                cmdletLists = ListBenchmark.ThroughCmdlet(session, settings);
            }

            Step("Listing through the module's client (ConnectorApi.ListAsync)");
            clientLists = ListBenchmark.ThroughClient(server.BaseUri, settings);
        }

        if (Part("sync"))
        {
            Step("Sync-UpstashKafkaConnector: 200 connectors from a folder to an empty cluster, 50 ms added per request");
            SyncBenchmark.Run(args.Contains("--quick"));
        }

        var table = new ResultTable();
        if (csharp != null && loops != null)
        {
            AddCreateRows(table, settings, csharp, loops);
        }

        if (real != null)
        {
            AddRealShellRows(table, real);
        }

        if (loops != null)
        {
            AddGetRows(table, loops, hasGet);
        }

        if (Part("list"))
        {
            AddListRows(table, cmdletLists, clientLists);
        }

        if (import != null)
        {
            AddImportRows(table, import, real);
        }

        Console.WriteLine();
        Console.Write(table.ToMarkdown());
        return args.Contains("--strict") && table.Missed > 0 ? 1 : 0;
    }

    private static void AddCreateRows(ResultTable table, BenchSettings settings, Dictionary<string, double[]> csharp, Dictionary<string, double[]> loops)
    {
        double[] byHand = loops[PowerShellLoopBenchmark.HandWrittenPost];
        string VsHand(double[] rounds) => Format.Ratio(Stats.PairedRatio(rounds, byHand)) + " of by-hand";

        table.Section($"Create, per call (in-process engine; median of {settings.Rounds} rounds x {settings.Batch} calls; ratios round by round)");
        double[] raw = csharp[CSharpLoopBenchmark.RawHttpClient];
        // The C# loops ran in their own rounds, so their ratio to the PowerShell loop is of medians, not paired.
        table.Info("C# HttpClient loop (raw limit)", Measured(csharp, CSharpLoopBenchmark.RawHttpClient), Format.Ratio(Stats.Median(raw) / Stats.Median(byHand)) + " of by-hand (unpaired)");
        if (csharp.TryGetValue(CSharpLoopBenchmark.ModuleClient, out double[]? moduleClient))
        {
            table.Info("C# loop of the module's client alone (ConnectorApi.CreateAsync)", Measured(csharp, CSharpLoopBenchmark.ModuleClient), Format.Ratio(Stats.PairedRatio(moduleClient, raw)) + " of raw C#");
        }

        table.Info("PowerShell loop, [HttpClient] by hand (baseline)", Measured(loops, PowerShellLoopBenchmark.HandWrittenPost), "1.00x");
        double[] handPipeline = loops[PowerShellLoopBenchmark.HandWrittenPipeline];
        table.Info("PowerShell pipeline, [HttpClient] by hand in ForEach-Object", Measured(loops, PowerShellLoopBenchmark.HandWrittenPipeline), VsHand(handPipeline));
        double[] floor = loops[PowerShellLoopBenchmark.CmdletFloor];
        table.Info("PowerShell's floor: invoking a compiled cmdlet that does nothing", Measured(loops, PowerShellLoopBenchmark.CmdletFloor), VsHand(floor));
        double[] single = loops[PowerShellLoopBenchmark.ModulePost];
        table.Target("New-UpstashKafkaConnector in the loop", Measured(loops, PowerShellLoopBenchmark.ModulePost), VsHand(single), "<= 1.30x by-hand", Stats.PairedRatio(single, byHand) <= 1.3);
        double[] pipeline = loops[PowerShellLoopBenchmark.ModulePipeline];
        table.Target("$items | New-UpstashKafkaConnector", Measured(loops, PowerShellLoopBenchmark.ModulePipeline), VsHand(pipeline), "<= 1.30x by-hand", Stats.PairedRatio(pipeline, byHand) <= 1.3);
    }

    private static void AddRealShellRows(ResultTable table, RealShellBenchmark.Result real)
    {
        double[] rest = real.PerCallMs[PowerShellLoopBenchmark.RestMethodPost];
        double[] byHand = real.PerCallMs[PowerShellLoopBenchmark.HandWrittenPost];
        string Ratios(double[] rounds) => $"{Format.Ratio(Stats.PairedRatio(rounds, rest))} of irm, {Format.Ratio(Stats.PairedRatio(rounds, byHand))} of by-hand";
        void Row(string what, string variant) => table.Info(what, Measured(real.PerCallMs, variant), Ratios(real.PerCallMs[variant]));

        table.Section($"Create, per call, real pwsh {real.PSVersion} (dotnet pwsh, one process, same rounds)");
        table.Info("Invoke-RestMethod + ConvertTo-Json (what users compare with)", Measured(real.PerCallMs, PowerShellLoopBenchmark.RestMethodPost), "1.00x of irm");
        Row("PowerShell loop, [HttpClient] by hand", PowerShellLoopBenchmark.HandWrittenPost);
        Row("New-UpstashKafkaConnector in the loop", PowerShellLoopBenchmark.ModulePost);
        Row("$items | New-UpstashKafkaConnector", PowerShellLoopBenchmark.ModulePipeline);
    }

    private static void AddGetRows(ResultTable table, Dictionary<string, double[]> loops, bool hasGet)
    {
        double[] byHand = loops[PowerShellLoopBenchmark.HandWrittenGet];
        table.Section("Get one connector, per call (in-process engine)");
        table.Info("PowerShell loop, [HttpClient] GET by hand", Measured(loops, PowerShellLoopBenchmark.HandWrittenGet), "1.00x");
        if (hasGet)
        {
            double[] get = loops[PowerShellLoopBenchmark.ModuleGet];
            table.Info($"{GetCmdlet} -ConnectorId in the loop", Measured(loops, PowerShellLoopBenchmark.ModuleGet), Format.Ratio(Stats.PairedRatio(get, byHand)) + " of by-hand");
        }
        else
        {
            table.Info($"{GetCmdlet} -ConnectorId in the loop", CmdletMissing);
        }
    }

    /// <summary>"235.7 µs, 74.5 KB/call": the median time per call and the memory one call allocates.</summary>
    private static string Measured(Dictionary<string, double[]> results, string variant) =>
        Format.Micros(Stats.Median(results[variant]))
        + (results.TryGetValue(variant + CSharpLoopBenchmark.BytesSuffix, out double[]? bytes) ? $", {Format.KiB((long)bytes[0])}/call" : string.Empty);

    private static void AddListRows(ResultTable table, List<ListBenchmark.Measurement>? cmdlet, List<ListBenchmark.Measurement>? client)
    {
        table.Section("List a cluster (streamed JSON array from the fixed-answer server)");
        if (cmdlet == null)
        {
            foreach (int size in new[] { 10_000, 100_000 })
            {
                table.NotAvailable($"{GetCmdlet} -ClusterId, {Count(size)} connectors: first object", "< 10% of total", CmdletMissing);
            }

            table.NotAvailable($"{GetCmdlet} -ClusterId: peak heap growth, 100,000 vs 10,000", "<= 2.00x", CmdletMissing);
        }
        else
        {
            foreach (ListBenchmark.Measurement m in cmdlet)
            {
                double share = m.FirstMs / m.TotalMs;
                table.Target($"{GetCmdlet} -ClusterId, {Count(m.Size)} connectors: first object", Describe(m), "first at " + Format.Percent(share) + " of total", "< 10% of total", share < 0.10);
            }

            AddMemoryRow(table, $"{GetCmdlet} -ClusterId", cmdlet, isTarget: true);
        }

        if (client == null)
        {
            table.Info("Module client (ConnectorApi.ListAsync)", "n/a (internals changed)");
            return;
        }

        foreach (ListBenchmark.Measurement m in client)
        {
            table.Info($"Module client alone (ConnectorApi.ListAsync), {Count(m.Size)}", Describe(m), "first at " + Format.Percent(m.FirstMs / m.TotalMs) + " of total");
        }

        AddMemoryRow(table, "Module client alone", client, isTarget: false);
    }

    private static void AddMemoryRow(ResultTable table, string what, List<ListBenchmark.Measurement> measurements, bool isTarget)
    {
        ListBenchmark.Measurement small = measurements.Single(m => m.Size == 10_000);
        ListBenchmark.Measurement large = measurements.Single(m => m.Size == 100_000);
        double ratio = (double)large.PeakHeapGrowth / Math.Max(1, small.PeakHeapGrowth);
        string measured = $"{Format.MiB(large.PeakHeapGrowth)} vs {Format.MiB(small.PeakHeapGrowth)}";
        if (isTarget)
        {
            table.Target($"{what}: peak heap growth, 100,000 vs 10,000", measured, Format.Ratio(ratio), "<= 2.00x", ratio <= 2.0);
        }
        else
        {
            table.Info($"{what}: peak heap growth, 100,000 vs 10,000", measured, Format.Ratio(ratio));
        }
    }

    private static void AddImportRows(ResultTable table, ImportBenchmark.Result import, RealShellBenchmark.Result? real)
    {
        double coldImport = Stats.Median(import.Cold.Select(p => p.ImportMs));
        table.Section("Import into a fresh runspace (in-process engine)");
        table.Info($"Engine start, runspace open (for scale; new process each run, median of {import.Cold.Length})", Format.Millis(Stats.Median(import.Cold.Select(p => p.EngineStartMs))));
        table.Info("Engine's own first Import-Module in a process (an empty manifest module)", Format.Millis(Stats.Median(import.Cold.Select(p => p.EngineFirstImportMs))));
        table.Target($"Import-Module Upstash.Kafka, cold: new process each run, after that (median of {import.Cold.Length})", Format.Millis(coldImport), "", "< 100 ms", coldImport < 100);
        table.Info("Import to first New-UpstashKafkaConnector result, cold", Format.Millis(Stats.Median(import.Cold.Select(p => p.FirstResultMs))));
        double warmImport = Stats.Median(import.WarmImportMs);
        table.Target($"Import-Module, warm: module already loaded in the process (median of {import.WarmImportMs.Length})", Format.Millis(warmImport), "", "< 100 ms", warmImport < 100);
        table.Info("Import to first New-UpstashKafkaConnector result, warm", Format.Millis(Stats.Median(import.WarmFirstResultMs)));

        string[] loaded = import.Cold.SelectMany(p => p.LoadedByImport).Distinct().Order().ToArray();
        string[] needless = loaded.Where(IsNeedlessAtImport).ToArray();
        bool connected = import.Cold.Any(p => p.HttpClientCreatedByImport == true);
        table.Target(
            "Loaded or connected by Import-Module",
            (loaded.Length == 0 ? "nothing" : string.Join(", ", loaded)) + (connected ? "; HttpClient created" : "; no HttpClient"),
            "",
            "nothing a command does not need",
            needless.Length == 0 && !connected);
        if (real != null)
        {
            table.Info($"Import-Module in real pwsh {real.PSVersion} (one cold run)", Format.Millis(real.ImportMs));
        }

        table.Target("Module folder size", Format.KiB(import.ModuleFolderBytes), "", "< 1 MB", import.ModuleFolderBytes < 1_000_000);
    }

    /// <summary>Assemblies only a command needs (JSON, HTTP, sockets): loading them at import is a cost every session pays.</summary>
    private static bool IsNeedlessAtImport(string assembly) =>
        assembly.StartsWith("Newtonsoft", StringComparison.Ordinal) || assembly.StartsWith("System.Net", StringComparison.Ordinal);

    private static string Describe(ListBenchmark.Measurement m) =>
        $"total {Format.Millis(m.TotalMs)}, first {Format.Millis(m.FirstMs)}, peak heap +{Format.MiB(m.PeakHeapGrowth)}";

    /// <summary>--serve: only the fixed-answer server, for profiling a loop by hand; Enter stops it.</summary>
    private static int Serve()
    {
        using var server = new FixedAnswerServer();
        ListBenchmark.Prepare(server, BenchSettings.Full);
        Console.WriteLine(server.BaseUri);
        Console.WriteLine($"Lists: {string.Join(", ", BenchSettings.Full.ListSizes.Select(n => $"{ListBenchmark.ClusterFor(n)} ({n})"))}");
        Console.ReadLine();
        return 0;
    }

    private static string Count(int size) => size.ToString("N0", CultureInfo.InvariantCulture);

    private static void Step(string what) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {what}...");

    /// <summary>The real pwsh is a .NET local tool; restoring an already restored tool takes a moment and nothing else.</summary>
    private static void RestoreTools()
    {
        var start = new ProcessStartInfo("dotnet", "tool restore") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, UseShellExecute = false };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not run dotnet tool restore.");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool restore failed; the real pwsh part needs it.");
        }
    }
}
