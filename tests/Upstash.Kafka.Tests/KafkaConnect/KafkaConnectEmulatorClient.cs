using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>One reply from the emulator's Kafka Connect API, kept whole so tests can check status, body and headers.</summary>
public sealed record KafkaConnectEmulatorReply(int Status, string Body, string? ContentType, Uri? Location)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The "message" of Kafka Connect's error body, after checking the body is that shape.</summary>
    public string ErrorMessage
    {
        get
        {
            JsonObject error = Json.AsObject();
            Assert.Equal(Status, (int)error["error_code"]!);
            return (string)error["message"]!;
        }
    }
}

/// <summary>Plain HTTP calls to the emulator's Kafka Connect API, as curl or kcctl make them (no auth by default).</summary>
public sealed class KafkaConnectEmulatorClient : IDisposable
{
    private readonly HttpClient http;

    public KafkaConnectEmulatorClient(Uri baseUri)
    {
        http = new HttpClient { BaseAddress = baseUri };
    }

    public AuthenticationHeaderValue? Authorization { get; set; }

    public async Task<KafkaConnectEmulatorReply> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = Authorization;
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return new KafkaConnectEmulatorReply(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location);
    }

    public Task<KafkaConnectEmulatorReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>A call that must answer <paramref name="status"/> with a JSON body.</summary>
    public async Task<JsonNode> JsonAsync(HttpMethod method, string path, string? json = null, int status = 200)
    {
        KafkaConnectEmulatorReply reply = await SendAsync(method, path, json);
        Assert.True(reply.Status == status, $"{method} {path} answered {reply.Status}: {reply.Body}");
        return reply.Json;
    }

    /// <summary>POST /connectors {name, config}, which must answer 201.</summary>
    public Task<JsonNode> CreateAsync(string name, string configJson, string? initialState = null) =>
        JsonAsync(
            HttpMethod.Post,
            "connectors",
            $"{{\"name\":\"{name}\",\"config\":{configJson}" + (initialState == null ? "}" : $",\"initial_state\":\"{initialState}\"}}"),
            201);

    public async Task<JsonNode> StatusAsync(string name) => await JsonAsync(HttpMethod.Get, $"connectors/{name}/status");

    public void Dispose() => http.Dispose();
}

/// <summary>Configurations the tests create: a JDBC sink that runs, and a MongoDB source the failing-class rule fails.</summary>
public static class KafkaConnectEmulatorConfigs
{
    public const string JdbcSink = "io.aiven.connect.jdbc.JdbcSinkConnector";

    public static string Sink(int tasks = 1, string topics = "orders") =>
        $$"""{"connector.class":"{{JdbcSink}}","tasks.max":"{{tasks}}","topics":"{{topics}}","connection.url":"jdbc:postgresql://db:5432/app","connection.password":"pg-secret-1"}""";

    public const string FailingMongo =
        """{"connector.class":"com.mongodb.kafka.connect.MongoSourceConnector","connection.uri":"postgres://not-mongo","tasks.max":"2"}""";
}
