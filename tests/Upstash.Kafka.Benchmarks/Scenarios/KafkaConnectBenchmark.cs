using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Upstash.Kafka.Benchmarks.Infrastructure;
using Upstash.Kafka.Benchmarks.Report;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// The Kafka Connect issue's two targets, in the in-process engine and in a real pwsh (dotnet pwsh):
/// listing 1,000 connectors with their status from Kafka Connect (Get-UpstashKafkaConnector -Connection $kc, one request)
/// costs at most 1.0x a hand-written Invoke-RestMethod of GET /connectors?expand=status&amp;expand=info that returns
/// PSObjects; and a create against Kafka Connect (New-UpstashKafkaConnector -Connection $kc) is within 1.1x of a create
/// against Upstash. The fixed-answer server plays both servers (Kafka Connect at its root, Upstash under /v2/), so both
/// sides of each ratio make the same HTTP round trip to the same server, taking turns round by round.
/// </summary>
/// <remarks>
/// The loops are <see cref="Loops"/> below, run as they are by both engines (the in-process one dot-sources the text, the
/// real pwsh runs it from a temporary script), beside Scripts/PerCallLoops.ps1, whose Invoke-BenchRound takes the turns
/// and whose Measure-ModulePost is the Upstash create. The in-process engine has no Invoke-RestMethod of its own (only the
/// core cmdlets); it gets the real one by importing Microsoft.PowerShell.Commands.Utility.dll from the PowerShell tool
/// package of the same version, in a runspace of its own so the other parts' runspace is untouched.
/// </remarks>
public static class KafkaConnectBenchmark
{
    public const int ConnectorCount = 1_000;

    /// <summary>Get-UpstashKafkaConnector -Connection $kc: 1,000 KafkaConnector objects written to the pipeline.</summary>
    public const string ModuleList = "KcModuleList";

    /// <summary>Invoke-RestMethod of the expand list: one PSObject with a property per connector.</summary>
    public const string RestMethodList = "KcRestMethodList";

    /// <summary>(Invoke-RestMethod ...).psobject.Properties.Value: the 1,000 connectors as PSObjects (the baseline).</summary>
    public const string RestMethodListItems = "KcRestMethodListItems";

    /// <summary>New-UpstashKafkaConnector -Connection $kc -Name -Property.</summary>
    public const string ModuleCreate = "KcModuleCreate";

    /// <summary>The Upstash create: PerCallLoops.ps1's New-UpstashKafkaConnector -Name -ClusterId -Property.</summary>
    public const string UpstashCreate = PowerShellLoopBenchmark.ModulePost;

    private const string ListPath = "connectors?expand=status&expand=info";
    private const string Sink = "io.aiven.connect.jdbc.JdbcSinkConnector";
    private const string Worker = "10.0.0.7:8083";

    /// <summary>One engine's figures: per call (ms, one value per round, plus /bytes and /jit), and what the server saw.</summary>
    public sealed record Engine(
        string Title,
        Dictionary<string, double[]> Lists,
        Dictionary<string, double[]> Creates,
        int WarmListCalls,
        bool WarmListsCapped,
        Dictionary<string, double[]>? WarmLists,
        int WarmCreateCalls,
        bool WarmCreatesCapped,
        Dictionary<string, double[]>? WarmCreates,
        long ModuleListCalls,
        RequestTally ModuleRequests,
        RequestTally? OneList,
        string? RestMethodMissing);

    /// <summary>
    /// The module's Kafka Connect requests but its creates: the expand GETs, GET / and anything else, all counted against
    /// the lists (a create with the default initial state needs no version, so sends no GET /).
    /// </summary>
    public sealed record RequestTally(long ListGets, long RootGets, long Other)
    {
        public long Total => ListGets + RootGets + Other;
    }

    public sealed record Result(Engine? InProcess, Engine? RealShell);

    private sealed record Plan(int ListRounds, int ListBatch, int ListWarmUpCalls, int MaxWarmLists, int Rounds, int Batch, int WarmUpCalls, int MaxWarmCreates);

    /// <summary>Makes the fixed-answer server a Kafka Connect REST API too (GET /, the expand list of 1,000, POST /connectors).</summary>
    public static void Prepare(FixedAnswerServer server) =>
        server.ServeKafkaConnect(
            "{\"version\":\"3.9.0\",\"commit\":\"a60e31147e6b01ee\",\"kafka_cluster_id\":\"MkU3OEVBNTcwNTJENDM2Qg\"}",
            ExpandList(ConnectorCount),
            Created(ConnectorJson.Name),
            ConnectorJson.Name);

    public static Result Run(FixedAnswerServer server, BenchSettings settings, bool withRealShell)
    {
        bool quick = settings == BenchSettings.Quick;
        var plan = new Plan(
            ListRounds: quick ? 5 : 41,
            ListBatch: quick ? 2 : 5,
            ListWarmUpCalls: quick ? 4 : 50,
            MaxWarmLists: quick ? 20 : 300,
            settings.Rounds,
            settings.Batch,
            settings.WarmUpCalls,
            MaxWarmCreates: quick ? 2_000 : 40_000);
        Engine inProcess = InProcess(server, plan);
        Engine? real = withRealShell ? RealShell(server, plan) : null;
        return new Result(inProcess, real);
    }

    public static void AddRows(ResultTable table, Result result)
    {
        foreach (Engine engine in new[] { result.InProcess, result.RealShell }.OfType<Engine>())
        {
            AddListRows(table, engine);
            AddCreateRows(table, engine);
            AddWarmRows(table, engine);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The engines

    private static Engine InProcess(FixedAnswerServer server, Plan plan)
    {
        using var session = new BenchSession(server.BaseUri);
        string? missing = ImportRestMethod(session);
        session.Run(
            "Initialize-BenchLoop -BaseUri $u -Email $e -ApiKey $k -ClusterId $c -ConnectorId $id -Name $n -ConnectorClass $cc -ConnectionUri $cu -CreateBody $b -Batch $batch",
            ("u", server.BaseUri), ("e", BenchSession.Email), ("k", BenchSession.ApiKey), ("c", ConnectorJson.ClusterId), ("id", ConnectorJson.ConnectorId),
            ("n", ConnectorJson.Name), ("cc", ConnectorJson.ConnectorClass), ("cu", ConnectorJson.ConnectionUri), ("b", ConnectorJson.CreateBody),
            ("batch", plan.Batch));
        session.Run(". ([scriptblock]::Create($kcLoops))", ("kcLoops", Loops));

        string[] listVariants = missing == null ? [ModuleList, RestMethodList, RestMethodListItems] : [ModuleList];
        var before = Snapshot.Take(server);
        var result = (Hashtable)session.Run(
            "Invoke-KafkaConnectBench -KafkaConnectUri $u -Expected $n -ListVariant $lv -ListRounds $lr -ListBatch $lb -ListWarmUpCalls $lw -MaxWarmLists 0 -Rounds $r -Batch $b -WarmUpCalls $w -MaxWarmCreates 0",
            ("u", server.BaseUri), ("n", ConnectorCount), ("lv", listVariants), ("lr", plan.ListRounds), ("lb", plan.ListBatch), ("lw", plan.ListWarmUpCalls),
            ("r", plan.Rounds), ("b", plan.Batch), ("w", plan.WarmUpCalls)).Single().BaseObject;
        var counted = Snapshot.Take(server) - before;
        long moduleLists = Check(counted, plan, listVariants, warmListCalls: 0, warmCreateCalls: 0, "The in-process engine");

        // One list on its own: every request the module sends for it, whatever the path.
        var one = Snapshot.Take(server);
        session.Run("$null = Get-UpstashKafkaConnector -Connection $KafkaConnectBench.Connection");
        var single = Snapshot.Take(server) - one;
        // Anything it sent elsewhere (an Upstash path) counts as "other".
        RequestTally oneList = single.ModuleTally with { Other = single.ModuleTally.Other + single.AllRequests - single.ModuleTally.Total };
        return new Engine("in-process engine", ToTable(result["Lists"]), ToTable(result["Creates"]), 0, false, null, 0, false, null, moduleLists, counted.ModuleTally, oneList, missing);
    }

    private static Engine RealShell(FixedAnswerServer server, Plan plan)
    {
        string[] listVariants = [ModuleList, RestMethodList, RestMethodListItems];
        var settings = new JsonObject
        {
            ["ModuleManifest"] = Repo.ModuleManifest,
            ["PerCallLoops"] = Repo.Script("PerCallLoops.ps1"),
            ["BaseUri"] = server.BaseUri.ToString(),
            ["Email"] = BenchSession.Email,
            ["ApiKey"] = BenchSession.ApiKey,
            ["ClusterId"] = ConnectorJson.ClusterId,
            ["ConnectorId"] = ConnectorJson.ConnectorId,
            ["Name"] = ConnectorJson.Name,
            ["ConnectorClass"] = ConnectorJson.ConnectorClass,
            ["ConnectionUri"] = ConnectorJson.ConnectionUri,
            ["CreateBody"] = ConnectorJson.CreateBody,
            ["Expected"] = ConnectorCount,
            ["ListVariant"] = new JsonArray(listVariants.Select(v => (JsonNode)v).ToArray()),
            ["ListRounds"] = plan.ListRounds,
            ["ListBatch"] = plan.ListBatch,
            ["ListWarmUpCalls"] = plan.ListWarmUpCalls,
            ["MaxWarmLists"] = plan.MaxWarmLists,
            ["Rounds"] = plan.Rounds,
            ["Batch"] = plan.Batch,
            ["WarmUpCalls"] = plan.WarmUpCalls,
            ["MaxWarmCreates"] = plan.MaxWarmCreates,
        };

        string script = Path.Combine(Path.GetTempPath(), $"upstash-kafka-bench-kafkaconnect-{Environment.ProcessId}.ps1");
        File.WriteAllText(script, RealShellScript, new UTF8Encoding(false));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", script, "-SettingsJson", settings.ToJsonString() })
        {
            start.ArgumentList.Add(argument);
        }

        var before = Snapshot.Take(server);
        string output;
        try
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet pwsh.");
            Task<string> error = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"dotnet pwsh failed ({process.ExitCode}); run `dotnet tool restore` in {Repo.Root} first if pwsh is missing.\n{output}\n{error.Result}");
            }
        }
        finally
        {
            File.Delete(script);
        }

        var counted = Snapshot.Take(server) - before;
        string line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        JsonNode result = JsonNode.Parse(line) ?? throw new InvalidOperationException("pwsh printed no result: " + output);
        int warmListCalls = result["WarmListCalls"]!.GetValue<int>();
        int warmCreateCalls = result["WarmCreateCalls"]!.GetValue<int>();
        long moduleLists = Check(counted, plan, listVariants, warmListCalls, warmCreateCalls, "The real pwsh");
        return new Engine(
            $"real pwsh {result["PSVersion"]!.GetValue<string>()}",
            ToTable(result["Lists"]!),
            ToTable(result["Creates"]!),
            warmListCalls,
            warmListCalls >= plan.MaxWarmLists,
            warmListCalls > 0 ? ToTable(result["WarmLists"]!) : null,
            warmCreateCalls,
            warmCreateCalls >= plan.MaxWarmCreates,
            warmCreateCalls > 0 ? ToTable(result["WarmCreates"]!) : null,
            moduleLists,
            counted.ModuleTally,
            null,
            null);
    }

    /// <summary>
    /// Checks what the server saw against the calls the loops made (any difference would make a figure wrong) and
    /// returns the number of lists the module made. The module's own requests per list are not checked here: they are
    /// the measurement.
    /// </summary>
    private static long Check(Snapshot counted, Plan plan, string[] listVariants, int warmListCalls, int warmCreateCalls, string who)
    {
        long Calls(int rounds, int batch, int warmUp) => ((warmUp + batch - 1) / batch + rounds + 1) * (long)batch;
        bool warmLists = warmListCalls > 0;
        long listCalls = Calls(plan.ListRounds, plan.ListBatch, plan.ListWarmUpCalls);
        long warmListTimed = warmLists ? warmListCalls + Calls(plan.ListRounds, plan.ListBatch, 0) : 0;
        long warmCreateTimed = warmCreateCalls > 0 ? warmCreateCalls + Calls(plan.Rounds, plan.Batch, 0) : 0;

        // The loops' calls, the warm phase's (module list and irm + items; both creates), and one check call each.
        long moduleLists = listCalls + warmListTimed + 1;
        long restMethodLists = listVariants.Count(v => v != ModuleList) * listCalls + (listVariants.Contains(RestMethodListItems) ? warmListTimed + 1 : 0);
        long creates = Calls(plan.Rounds, plan.Batch, plan.WarmUpCalls) + warmCreateTimed;
        long expected = counted.KafkaConnectRequests + creates;
        string? wrong =
            counted.HandListGets != restMethodLists ? $"{counted.HandListGets} hand-written lists where {restMethodLists} were made"
            : counted.ModuleCreates != creates + 1 ? $"{counted.ModuleCreates} Kafka Connect creates where {creates + 1} were made"
            : counted.HandOther != 0 ? $"{counted.HandOther} other hand-written requests to Kafka Connect paths"
            : counted.AllRequests != expected ? $"{counted.AllRequests} requests where {expected} were made ({creates} Upstash creates)"
            : null;
        return wrong == null ? moduleLists : throw new InvalidOperationException($"{who} sent {wrong}; a measurement would be wrong.");
    }

    /// <summary>The server's counters at one moment; the difference of two is what was sent in between.</summary>
    private sealed record Snapshot(long AllRequests, long ListAll, long ListModule, long RootAll, long RootModule, long CreateAll, long CreateModule, long OtherAll, long OtherModule)
    {
        public static Snapshot Take(FixedAnswerServer server)
        {
            FixedAnswerServer.KafkaConnectCounts c = server.KafkaConnectRequests;
            return new Snapshot(server.Requests, c.List.All, c.List.Module, c.Root.All, c.Root.Module, c.Create.All, c.Create.Module, c.Other.All, c.Other.Module);
        }

        public static Snapshot operator -(Snapshot a, Snapshot b) => new(
            a.AllRequests - b.AllRequests, a.ListAll - b.ListAll, a.ListModule - b.ListModule, a.RootAll - b.RootAll, a.RootModule - b.RootModule,
            a.CreateAll - b.CreateAll, a.CreateModule - b.CreateModule, a.OtherAll - b.OtherAll, a.OtherModule - b.OtherModule);

        public long KafkaConnectRequests => ListAll + RootAll + CreateAll + OtherAll;

        public long HandListGets => ListAll - ListModule;

        public long HandOther => RootAll - RootModule + CreateAll - CreateModule + OtherAll - OtherModule;

        public long ModuleCreates => CreateModule;

        /// <summary>The module's requests but its creates (the list's expand GETs, GET /, anything else).</summary>
        public RequestTally ModuleTally => new(ListModule, RootModule, OtherModule);
    }

    /// <summary>The real Invoke-RestMethod in the in-process engine, or why not.</summary>
    private static string? ImportRestMethod(BenchSession session)
    {
        // "7.6.9 SHA: ..." (the assembly version is 7.6.0.500 for every 7.6 release): the tool package of the same release.
        string version = typeof(PowerShell).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split(' ', '+')[0] ?? "?";
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string tool = Path.Combine(packages, "powershell", version, "tools");
        string os = OperatingSystem.IsWindows() ? "win" : "unix";
        string? utility = Directory.Exists(tool)
            ? Directory.EnumerateFiles(tool, "Microsoft.PowerShell.Commands.Utility.dll", SearchOption.AllDirectories)
                .FirstOrDefault(p => Path.GetFileName(Path.GetDirectoryName(p)) == os)
            : null;
        if (utility == null)
        {
            return $"n/a (no Microsoft.PowerShell.Commands.Utility.dll under {tool}; run `dotnet tool restore`)";
        }

        session.Run("Import-Module $utility -ErrorAction Stop", ("utility", utility));
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rows

    private static void AddListRows(ResultTable table, Engine engine)
    {
        Dictionary<string, double[]> r = engine.Lists;
        int rounds = r[ModuleList].Length;
        table.Section($"Kafka Connect: list {ConnectorCount:N0} connectors with status, per list ({engine.Title}; {rounds} alternating rounds: fastest round of each side, and the first)");
        string module = $"{GetCmdlet} -Connection $kc ({ConnectorCount:N0} KafkaConnector objects)";
        const string Target = "<= 1.00x";
        if (engine.RestMethodMissing != null)
        {
            table.Info(module, Measured(r, ModuleList));
            table.NotAvailable($"{module} vs Invoke-RestMethod", Target, engine.RestMethodMissing);
        }
        else
        {
            double[] items = r[RestMethodListItems];
            table.Info("Invoke-RestMethod '…/connectors?expand=status&expand=info' (one PSObject of 1,000 properties)", Measured(r, RestMethodList),
                Format.Ratio(Stats.FastestRatio(r[RestMethodList], items)) + " of irm + items");
            table.Info("(Invoke-RestMethod '…').psobject.Properties.Value (1,000 PSObjects; baseline)", Measured(r, RestMethodListItems), "1.00x");
            double fastest = Stats.FastestRatio(r[ModuleList], items);
            table.Target(module, Measured(r, ModuleList),
                $"{Format.Ratio(fastest)} of irm + items (first {Format.Ratio(Stats.FirstRatio(r[ModuleList], items))}; {Format.Ratio(Stats.FastestRatio(r[ModuleList], r[RestMethodList]))} of irm alone)",
                Target, fastest <= 1.0);
        }

        RequestTally t = engine.ModuleRequests;
        string per = ((double)t.Total / engine.ModuleListCalls).ToString("0.000", CultureInfo.InvariantCulture);
        string one = engine.OneList is RequestTally o ? $"{o.Total} for one list alone (GET /{ListPath}: {o.ListGets}, GET /: {o.RootGets}, other: {o.Other}); " : string.Empty;
        table.Target($"Requests per {GetCmdlet} -Connection $kc list",
            $"{one}{per} per list over all {engine.ModuleListCalls:N0} lists (GET /{ListPath}: {t.ListGets:N0}, GET /: {t.RootGets:N0}, other: {t.Other:N0})", "",
            "1 request", t.ListGets == engine.ModuleListCalls && t.RootGets == 0 && t.Other == 0 && (engine.OneList == null || engine.OneList == new RequestTally(1, 0, 0)));
    }

    private static void AddCreateRows(ResultTable table, Engine engine)
    {
        Dictionary<string, double[]> r = engine.Creates;
        table.Section($"Kafka Connect: create, per call ({engine.Title}; {r[UpstashCreate].Length} alternating rounds x {Batch(r)} calls: fastest round of each side, and the first)");
        table.Info("New-UpstashKafkaConnector -Name -ClusterId -Property (Upstash; baseline)", Measured(r, UpstashCreate), "1.00x");
        double fastest = Stats.FastestRatio(r[ModuleCreate], r[UpstashCreate]);
        table.Target("New-UpstashKafkaConnector -Connection $kc -Name -Property (Kafka Connect)", Measured(r, ModuleCreate),
            $"{Format.Ratio(fastest)} of Upstash create (first {Format.Ratio(Stats.FirstRatio(r[ModuleCreate], r[UpstashCreate]))})", "<= 1.10x", fastest <= 1.1);
    }

    /// <summary>Not targets: the same rounds once the JIT went quiet, as the real pwsh's create rows show them.</summary>
    private static void AddWarmRows(ResultTable table, Engine engine)
    {
        if (engine.WarmLists != null)
        {
            Dictionary<string, double[]> w = engine.WarmLists;
            table.Section($"Kafka Connect: the same lists once warm, {engine.Title} (after {engine.WarmListCalls:N0} more lists each, {(engine.WarmListsCapped ? "the most it makes; the JIT was still busy in the module's lists" : "when the JIT had gone quiet in the module's lists")})");
            table.Info("(Invoke-RestMethod '…').psobject.Properties.Value, warm", Measured(w, RestMethodListItems), "1.00x");
            table.Info($"{GetCmdlet} -Connection $kc, warm", Measured(w, ModuleList),
                $"{Format.Ratio(Stats.FastestRatio(w[ModuleList], w[RestMethodListItems]))} of irm + items (median {Format.Ratio(Stats.Median(w[ModuleList]) / Stats.Median(w[RestMethodListItems]))})");
        }

        if (engine.WarmCreates != null)
        {
            Dictionary<string, double[]> w = engine.WarmCreates;
            table.Section($"Kafka Connect: the same creates once warm, {engine.Title} (after {engine.WarmCreateCalls:N0} more calls each, {(engine.WarmCreatesCapped ? "the most it makes; the JIT was still busy" : "when the JIT had gone quiet")})");
            table.Info("New-UpstashKafkaConnector (Upstash), warm", Measured(w, UpstashCreate), "1.00x");
            table.Info("New-UpstashKafkaConnector -Connection $kc (Kafka Connect), warm", Measured(w, ModuleCreate),
                $"{Format.Ratio(Stats.FastestRatio(w[ModuleCreate], w[UpstashCreate]))} of Upstash create (median {Format.Ratio(Stats.Median(w[ModuleCreate]) / Stats.Median(w[UpstashCreate]))})");
        }
    }

    private const string GetCmdlet = "Get-UpstashKafkaConnector";

    private static string Batch(Dictionary<string, double[]> r) => r.TryGetValue("Batch", out double[]? b) ? b[0].ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>As Program's: fastest, first and median round (per call), memory per call and JIT compilations per call.</summary>
    private static string Measured(Dictionary<string, double[]> results, string variant)
    {
        double[] ms = results[variant];
        bool lists = Stats.Fastest(ms) >= 1;
        string Time(double v) => lists ? Format.Millis(v) : Format.Micros(v);
        return $"fastest {Time(Stats.Fastest(ms))}, first {Time(ms[0])}, median {Time(Stats.Median(ms))}"
            + (results.TryGetValue(variant + CSharpLoopBenchmark.BytesSuffix, out double[]? bytes) ? $", {Format.KiB((long)bytes[0])}/call" : string.Empty)
            + (results.TryGetValue(variant + PowerShellLoopBenchmark.JitSuffix, out double[]? jit) ? $", {jit[0].ToString("0.00", CultureInfo.InvariantCulture)} JIT compilations/call" : string.Empty);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Results from either engine

    private static Dictionary<string, double[]> ToTable(object? value) => value switch
    {
        PSObject wrapped => ToTable(wrapped.BaseObject),
        Hashtable table => table.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => ToDoubles(table[k])),
        JsonObject json => json.ToDictionary(p => p.Key, p => p.Value is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : [p.Value!.GetValue<double>()]),
        _ => throw new InvalidOperationException("Unexpected Kafka Connect loop result: " + value),
    };

    private static double[] ToDoubles(object? value) => value switch
    {
        PSObject wrapped => ToDoubles(wrapped.BaseObject),
        double[] doubles => doubles,
        IEnumerable items => items.Cast<object>().Select(i => Convert.ToDouble(i is PSObject p ? p.BaseObject : i, CultureInfo.InvariantCulture)).ToArray(),
        _ => [Convert.ToDouble(value, CultureInfo.InvariantCulture)],
    };

    // ---------------------------------------------------------------------------------------------------------------
    // The server's replies (kafka-connect-api.md §2 Shapes)

    /// <summary>
    /// GET /connectors?expand=status&amp;expand=info for <paramref name="count"/> JDBC sinks, each running one task, each
    /// config a flat map of eight strings (a password among them, so the module's masking runs as it would in use).
    /// </summary>
    public static byte[] ExpandList(int count)
    {
        var json = new StringBuilder(count * 720);
        json.Append('{');
        for (int i = 0; i < count; i++)
        {
            string name = $"pg-sink-{i:D4}";
            json.Append(i == 0 ? "" : ",").Append('"').Append(name).Append("\":{")
                .Append("\"status\":{\"name\":\"").Append(name).Append("\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"").Append(Worker).Append("\"},")
                .Append("\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"").Append(Worker).Append("\"}],\"type\":\"sink\"},")
                .Append("\"info\":{\"name\":\"").Append(name).Append("\",\"config\":{")
                .Append("\"connector.class\":\"").Append(Sink).Append("\",\"tasks.max\":\"1\",\"topics\":\"orders-").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append("\",")
                .Append("\"connection.url\":\"jdbc:postgresql://db.example.com:5432/app\",\"connection.user\":\"app\",\"connection.password\":\"s3cr3t-pass\",")
                .Append("\"auto.create\":\"true\",\"name\":\"").Append(name).Append("\"},")
                .Append("\"tasks\":[{\"connector\":\"").Append(name).Append("\",\"task\":0}],\"type\":\"sink\"}}");
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    /// <summary>The 201 reply to POST /connectors: ConnectorInfo with the config as sent plus its name, and no tasks yet.</summary>
    private static string Created(string name) =>
        "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\"" + ConnectorJson.ConnectorClass + "\",\"connection.uri\":\"" + ConnectorJson.ConnectionUri
        + "\",\"name\":\"" + name + "\"},\"tasks\":[],\"type\":\"source\"}";

    // ---------------------------------------------------------------------------------------------------------------
    // The PowerShell both engines run

    /// <summary>
    /// The Kafka Connect loops, dot-sourced after Scripts/PerCallLoops.ps1 (Invoke-BenchRound, Initialize-BenchLoop and
    /// Measure-ModulePost come from there). Same conventions: each Measure-* makes $Count calls in one loop and returns
    /// the elapsed milliseconds; the loop bodies repeat on purpose (a helper per iteration would be measured too).
    /// </summary>
    private const string Loops = """
        # Connects to Kafka Connect beside the Upstash default (which Initialize-BenchLoop's caller set up) and checks, once,
        # that every variant gets what it should: 1,000 typed connectors, 1,000 PSObjects, a created connector.
        function Initialize-KafkaConnectBench([uri] $KafkaConnectUri, [int] $Expected) {
            $ErrorActionPreference = 'Stop'
            $kc = Connect-UpstashKafka -KafkaConnectUri $KafkaConnectUri -NotDefault -PassThru
            $global:KafkaConnectBench = @{
                Connection = $kc
                # What a script author writes by hand: the documented expand list, nothing else.
                ListUri    = [uri]::new($KafkaConnectUri, 'connectors?expand=status&expand=info')
            }
            $listed = @(Get-UpstashKafkaConnector -Connection $kc)
            if ($listed.Count -ne $Expected -or $listed[0].GetType().Name -ne 'KafkaConnector' -or $listed[0].State -ne 'running' -or $listed[0].Tasks.Count -ne 1) {
                throw "Get-UpstashKafkaConnector -Connection gave $($listed.Count) objects ($($listed[0].GetType().Name), $($listed[0].State)) where $Expected running KafkaConnectors were expected."
            }
            if (Get-Command Invoke-RestMethod -ErrorAction Ignore) {
                $items = @((Invoke-RestMethod $KafkaConnectBench.ListUri).psobject.Properties.Value)
                if ($items.Count -ne $Expected -or $items[0].status.connector.state -ne 'RUNNING') { throw "Invoke-RestMethod gave $($items.Count) connectors where $Expected were expected." }
            }
            $created = New-UpstashKafkaConnector -Connection $kc -Name $UpstashBench.Name -Property $UpstashBench.Properties
            if ($created.Name -ne $UpstashBench.Name) { throw "New-UpstashKafkaConnector -Connection gave '$($created.Name)'." }
        }

        function Measure-KcModuleList([int] $Count) {
            $ErrorActionPreference = 'Stop'
            $kc = $KafkaConnectBench.Connection
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Count; $i++) {
                $null = Get-UpstashKafkaConnector -Connection $kc
            }
            $clock.Elapsed.TotalMilliseconds
        }

        function Measure-KcRestMethodList([int] $Count) {
            $ErrorActionPreference = 'Stop'
            $uri = $KafkaConnectBench.ListUri
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Count; $i++) {
                $null = Invoke-RestMethod $uri
            }
            $clock.Elapsed.TotalMilliseconds
        }

        # The fair baseline: the connectors as 1,000 PSObjects, as the module writes 1,000 objects.
        function Measure-KcRestMethodListItems([int] $Count) {
            $ErrorActionPreference = 'Stop'
            $uri = $KafkaConnectBench.ListUri
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Count; $i++) {
                $null = (Invoke-RestMethod $uri).psobject.Properties.Value
            }
            $clock.Elapsed.TotalMilliseconds
        }

        # The same name and properties as Measure-ModulePost's Upstash create; only the server differs.
        function Measure-KcModuleCreate([int] $Count) {
            $ErrorActionPreference = 'Stop'
            $kc = $KafkaConnectBench.Connection; $name = $UpstashBench.Name; $properties = $UpstashBench.Properties
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Count; $i++) {
                $null = New-UpstashKafkaConnector -Connection $kc -Name $name -Property $properties
            }
            $clock.Elapsed.TotalMilliseconds
        }

        # As RealShell.ps1: runs the variants in turn until the JIT is quiet while $QuietOn run (three stretches of ten
        # batches each in a row with next to no compilation) or $MaxCalls calls of each were made; returns the calls of
        # each. A list's quiet is judged on the module's calls alone: Invoke-RestMethod keeps the JIT busy for hundreds of
        # lists (a hundred and more methods per call at first, still a few per call after 50), and it is only the baseline.
        function Invoke-UntilJitQuiet([string[]] $Variant, [string[]] $QuietOn, [int] $Batch, [int] $MaxCalls) {
            $calls = 0
            $quiet = 0
            while ($quiet -lt 3 -and $calls -lt $MaxCalls) {
                $compiled = 0
                for ($b = 0; $b -lt 10; $b++) {
                    foreach ($v in $Variant) {
                        $jitBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
                        $null = & "Measure-$v" $Batch
                        if ($v -in $QuietOn) { $compiled += [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitBefore }
                    }
                }
                $calls += 10 * $Batch
                $quiet = if ($compiled -le 5) { $quiet + 1 } else { 0 }
            }
            $calls
        }

        # The lists in their rounds, then the creates in theirs (a list is some milliseconds, a create some microseconds:
        # each kind has its own batch); with -MaxWarm*, both again once the JIT went quiet.
        function Invoke-KafkaConnectBench {
            param(
                [Parameter(Mandatory)] [uri] $KafkaConnectUri,
                [Parameter(Mandatory)] [int] $Expected,
                [Parameter(Mandatory)] [string[]] $ListVariant,
                [int] $ListRounds, [int] $ListBatch, [int] $ListWarmUpCalls, [int] $MaxWarmLists,
                [int] $Rounds, [int] $Batch, [int] $WarmUpCalls, [int] $MaxWarmCreates
            )

            Initialize-KafkaConnectBench -KafkaConnectUri $KafkaConnectUri -Expected $Expected
            $lists = Invoke-BenchRound -Variant $ListVariant -Rounds $ListRounds -Batch $ListBatch -WarmUpCalls $ListWarmUpCalls
            $creates = Invoke-BenchRound -Variant @('ModulePost', 'KcModuleCreate') -Rounds $Rounds -Batch $Batch -WarmUpCalls $WarmUpCalls
            $creates['Batch'] = [double[]]@($Batch)
            $result = @{ Lists = $lists; Creates = $creates; WarmListCalls = 0; WarmCreateCalls = 0; WarmLists = @{}; WarmCreates = @{} }
            if ($MaxWarmLists -gt 0) {
                $warm = @('KcModuleList', 'KcRestMethodListItems')
                $result.WarmListCalls = Invoke-UntilJitQuiet -Variant $warm -QuietOn 'KcModuleList' -Batch $ListBatch -MaxCalls $MaxWarmLists
                $result.WarmLists = Invoke-BenchRound -Variant $warm -Rounds $ListRounds -Batch $ListBatch -WarmUpCalls 0
            }
            if ($MaxWarmCreates -gt 0) {
                $warm = @('ModulePost', 'KcModuleCreate')
                $result.WarmCreateCalls = Invoke-UntilJitQuiet -Variant $warm -QuietOn $warm -Batch $Batch -MaxCalls $MaxWarmCreates
                $result.WarmCreates = Invoke-BenchRound -Variant $warm -Rounds $Rounds -Batch $Batch -WarmUpCalls 0
            }
            $result
        }
        """;

    /// <summary>Run as `dotnet pwsh -NoProfile -NonInteractive -File &lt;temp&gt;.ps1 -SettingsJson &lt;json&gt;`; prints one line of JSON.</summary>
    private const string RealShellScript = "param([Parameter(Mandatory)] [string] $SettingsJson)\n"
        + "$ErrorActionPreference = 'Stop'\n"
        + "$s = $SettingsJson | ConvertFrom-Json\n"
        + ". $s.PerCallLoops\n"
        + Loops + "\n"
        + """
        Import-Module $s.ModuleManifest
        $key = ConvertTo-SecureString $s.ApiKey -AsPlainText -Force
        Connect-UpstashKafka -Credential ([pscredential]::new($s.Email, $key)) -ApiUri $s.BaseUri
        Initialize-BenchLoop -BaseUri $s.BaseUri -Email $s.Email -ApiKey $s.ApiKey -ClusterId $s.ClusterId -ConnectorId $s.ConnectorId `
            -Name $s.Name -ConnectorClass $s.ConnectorClass -ConnectionUri $s.ConnectionUri -CreateBody $s.CreateBody -Batch $s.Batch
        $result = Invoke-KafkaConnectBench -KafkaConnectUri $s.BaseUri -Expected $s.Expected -ListVariant $s.ListVariant `
            -ListRounds $s.ListRounds -ListBatch $s.ListBatch -ListWarmUpCalls $s.ListWarmUpCalls -MaxWarmLists $s.MaxWarmLists `
            -Rounds $s.Rounds -Batch $s.Batch -WarmUpCalls $s.WarmUpCalls -MaxWarmCreates $s.MaxWarmCreates
        $result.PSVersion = $PSVersionTable.PSVersion.ToString()
        $result | ConvertTo-Json -Compress -Depth 4
        """;
}
