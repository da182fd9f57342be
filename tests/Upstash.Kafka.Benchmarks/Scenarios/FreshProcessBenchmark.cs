using System.Diagnostics;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// What a scheduled runbook feels: a fresh `dotnet pwsh` that makes one create, whole process from start to exit,
/// with the module (Import-Module, New-UpstashKafkaConnector, credential from the environment) and by hand
/// (HttpClient, the same body). The two take turns; the fastest run of each and the first are reported.
/// </summary>
public static class FreshProcessBenchmark
{
    public const string Module = "FreshModule";
    public const string ByHand = "FreshByHand";

    /// <returns>Milliseconds per process, one value per run, by variant.</returns>
    public static Dictionary<string, double[]> Run(FixedAnswerServer server, int runs)
    {
        string module = "$ErrorActionPreference = 'Stop'; Import-Module $env:BENCH_MODULE; "
            + "$null = New-UpstashKafkaConnector -Name $env:BENCH_NAME -ClusterId $env:BENCH_CLUSTER -Property @{ 'connector.class' = $env:BENCH_CLASS; 'connection.uri' = $env:BENCH_URI }";
        string byHand = "$ErrorActionPreference = 'Stop'; "
            + "$basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(\"${env:UPSTASH_EMAIL}:${env:UPSTASH_API_KEY}\")); "
            + "$client = [System.Net.Http.HttpClient]::new(); "
            + "$client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $basic); "
            + "$body = @{ name = $env:BENCH_NAME; cluster_id = $env:BENCH_CLUSTER; properties = @{ 'connector.class' = $env:BENCH_CLASS; 'connection.uri' = $env:BENCH_URI } } | ConvertTo-Json -Compress; "
            + "$content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/json'); "
            + "$response = $client.PostAsync([uri]::new([uri]$env:UPSTASH_API_URL, 'v2/kafka/connector'), $content).GetAwaiter().GetResult(); "
            + "$null = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json; "
            + "if (-not $response.IsSuccessStatusCode) { throw 'create failed' }";

        var scripts = new Dictionary<string, string> { [Module] = module, [ByHand] = byHand };
        var times = scripts.Keys.ToDictionary(k => k, _ => new List<double>());
        long requestsBefore = server.Requests;
        for (int run = 0; run < runs; run++)
        {
            foreach (string variant in run % 2 == 0 ? scripts.Keys.ToArray() : scripts.Keys.Reverse().ToArray())
            {
                times[variant].Add(RunOnce(server, scripts[variant]));
            }
        }

        if (server.Requests - requestsBefore != 2L * runs)
        {
            throw new InvalidOperationException($"The fresh processes sent {server.Requests - requestsBefore} requests where {2 * runs} were timed.");
        }

        return times.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private static double RunOnce(FixedAnswerServer server, string script)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["UPSTASH_EMAIL"] = BenchSession.Email;
        start.Environment["UPSTASH_API_KEY"] = BenchSession.ApiKey;
        start.Environment["UPSTASH_API_URL"] = server.BaseUri.ToString();
        start.Environment["BENCH_MODULE"] = Repo.ModuleManifest;
        start.Environment["BENCH_NAME"] = ConnectorJson.Name;
        start.Environment["BENCH_CLUSTER"] = ConnectorJson.ClusterId;
        start.Environment["BENCH_CLASS"] = ConnectorJson.ConnectorClass;
        start.Environment["BENCH_URI"] = ConnectorJson.ConnectionUri;

        long started = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet pwsh.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"A fresh pwsh failed ({process.ExitCode}):\n{output}\n{error.Result}");
        }

        return elapsed;
    }
}
