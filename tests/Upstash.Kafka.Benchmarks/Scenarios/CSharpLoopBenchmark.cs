using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>
/// Creates from C# without PowerShell: the raw limit (a loop of HttpClient POSTs of the same create body) and the
/// module's own client (ConnectorApi.CreateAsync, reached by reflection), taking turns round by round.
/// </summary>
public static class CSharpLoopBenchmark
{
    public const string RawHttpClient = "RawHttpClient";
    public const string ModuleClient = "ModuleClient";

    /// <summary>Key suffix of the bytes allocated per call by a variant (one value), beside its timings.</summary>
    public const string BytesSuffix = "/bytes";

    /// <returns>Milliseconds per call, one value per round, by variant (ModuleClient missing when the internals changed).</returns>
    public static Dictionary<string, double[]> Run(Uri baseUri, BenchSettings settings)
    {
        using var client = new HttpClient();
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchSession.Email + ":" + BenchSession.ApiKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var uri = new Uri(baseUri, "v2/kafka/connector");
        string body = ConnectorJson.CreateBody;

        var variants = new Dictionary<string, Action>
        {
            [RawHttpClient] = () =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = client.PostAsync(uri, content).GetAwaiter().GetResult();
                string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {text}");
                }
            },
        };
        Func<Task>? moduleCreate = ModuleInternals.CreateCall(baseUri);
        if (moduleCreate != null)
        {
            variants[ModuleClient] = () => moduleCreate().GetAwaiter().GetResult();
        }

        double Batch(Action call, int count)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < count; i++)
            {
                call();
            }

            return Stopwatch.GetElapsedTime(start).TotalMilliseconds / count;
        }

        foreach (Action call in variants.Values)
        {
            for (int done = 0; done < settings.WarmUpCalls * 5; done += settings.Batch)
            {
                Batch(call, settings.Batch);
            }
        }

        var perCall = variants.Keys.ToDictionary(k => k, _ => new List<double>());
        for (int round = 0; round < settings.Rounds; round++)
        {
            // Rotate the order so neither variant always runs first.
            foreach ((string name, Action call) in round % 2 == 0 ? variants : variants.Reverse())
            {
                perCall[name].Add(Batch(call, settings.Batch));
            }
        }

        var result = perCall.ToDictionary(p => p.Key, p => p.Value.ToArray());
        foreach ((string name, Action call) in variants)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            Batch(call, settings.Batch);
            result[name + BytesSuffix] = [(GC.GetTotalAllocatedBytes(precise: true) - before) / (double)settings.Batch];
        }

        return result;
    }
}
