using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Upstash.Kafka.Benchmarks.Infrastructure;

namespace Upstash.Kafka.Benchmarks.Scenarios;

/// <summary>The raw limit: a C# loop of HttpClient POSTs of the same create body, no PowerShell at all.</summary>
public static class RawHttpClientBenchmark
{
    /// <returns>Milliseconds per call, one value per round.</returns>
    public static double[] Run(Uri baseUri, BenchSettings settings)
    {
        using var client = new HttpClient();
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchSession.Email + ":" + BenchSession.ApiKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var uri = new Uri(baseUri, "v2/kafka/connector");
        string body = ConnectorJson.CreateBody;

        double Batch(int count)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < count; i++)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = client.PostAsync(uri, content).GetAwaiter().GetResult();
                string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {text}");
                }
            }

            return Stopwatch.GetElapsedTime(start).TotalMilliseconds / count;
        }

        for (int done = 0; done < settings.WarmUpCalls * 5; done += settings.Batch)
        {
            Batch(settings.Batch);
        }

        return Enumerable.Range(0, settings.Rounds).Select(_ => Batch(settings.Batch)).ToArray();
    }
}
