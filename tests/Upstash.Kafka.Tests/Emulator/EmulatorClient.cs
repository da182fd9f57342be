using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Tests.Emulator;

/// <summary>Plain HTTP calls to the emulator, as curl would make them, for contract tests that bypass the module.</summary>
public sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient http;

    public EmulatorClient(Uri baseUri, string email, string apiKey)
    {
        http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + apiKey)));
    }

    public async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<JsonNode> JsonAsync(HttpMethod method, string path, string? json = null)
    {
        (int status, string body, _) = await SendAsync(method, path, json);
        Assert.True(status == 200, $"{method} {path} answered {status}: {body}");
        return JsonNode.Parse(body)!;
    }

    public void Dispose() => http.Dispose();
}
