using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.Infrastructure.ConnectorSeed;

namespace Upstash.Kafka.Tests.Connectors;

/// <summary>The emulator's reconfigure, delete, pause, start and restart endpoints, over HTTP as the contract describes them.</summary>
public sealed class ConnectorLifecycleEndpointTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly HttpClient http = new();

    public ConnectorLifecycleEndpointTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        emulator.Server.Options.PendingDelay = TimeSpan.FromMinutes(10);
        emulator.Server.Options.RestartDelay = TimeSpan.FromMinutes(1);
        http.BaseAddress = emulator.BaseUri;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.Email + ":" + emulator.ApiKey)));
    }

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string State(string id) => StateOf(emulator.Server, id);

    [Fact]
    public async Task Reconfigure_takes_a_flat_map_replaces_the_configuration_and_answers_without_properties()
    {
        string id = Add(emulator.Server, "orders");

        var (status, body) = await Send(HttpMethod.Post, "v2/kafka/update-connector/" + id, $$"""{"connector.class":"{{Mongo}}","connection.uri":"mongodb://new"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonObject reply = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(id, (string?)reply["connector_id"]);
        Assert.Equal("pending", (string?)reply["state"]);
        Assert.Null(reply["properties"]);
        JsonObject stored = PropertiesOf(emulator.Server, id);
        Assert.Equal(2, stored.Count);
        Assert.Equal("mongodb://new", (string?)stored["connection.uri"]);
    }

    [Fact]
    public async Task Reconfigure_refuses_a_wrapped_map_and_one_without_a_connector_class()
    {
        string id = Add(emulator.Server, "orders");

        var wrapped = await Send(HttpMethod.Post, "v2/kafka/update-connector/" + id, $$$"""{"properties":{"connector.class":"{{{Mongo}}}"}}""");
        var classless = await Send(HttpMethod.Post, "v2/kafka/update-connector/" + id, """{"tasks.max":"2"}""");

        Assert.Equal(HttpStatusCode.BadRequest, wrapped.Status);
        Assert.Contains("flat map", wrapped.Body);
        Assert.Equal(HttpStatusCode.BadRequest, classless.Status);
        Assert.Equal(MongoUri, (string?)PropertiesOf(emulator.Server, id)["connection.uri"]);
    }

    [Fact]
    public async Task Reconfigure_validates_again_a_bad_configuration_fails_once_settled()
    {
        string id = Add(emulator.Server, "orders");

        await Send(HttpMethod.Post, "v2/kafka/update-connector/" + id, $$"""{"connector.class":"{{Mongo}}","connection.uri":"postgres://x"}""");
        Assert.Equal("pending", State(id));
        emulator.Server.Store.Clock.Advance(TimeSpan.FromMinutes(11));

        JsonObject got = JsonNode.Parse((await Send(HttpMethod.Get, "v2/kafka/connector/" + id)).Body)!.AsObject();
        Assert.Equal("failed", (string?)got["state"]);
        Assert.Equal("FAILED", (string?)got["connector_state"]);
        Assert.Contains("connection.uri", (string?)got["state_error_message"]);
        Assert.StartsWith("org.apache.kafka.connect.errors.ConnectException", (string?)got["tasks"]![0]!["trace"]);
        Assert.Equal("postgres://x", (string?)got["properties"]!["connection.uri"]);
    }

    [Fact]
    public async Task Pause_then_start_moves_between_paused_and_running_answering_OK()
    {
        string id = Add(emulator.Server, "orders");

        var paused = await Send(HttpMethod.Post, $"v2/kafka/connector/{id}/pause");
        Assert.Equal("paused", State(id));
        Assert.Equal("PAUSED", emulator.Server.Store.WithConnector(id, c => c.Tasks[0].State));
        var started = await Send(HttpMethod.Post, $"v2/kafka/connector/{id}/start");

        Assert.Equal((HttpStatusCode.OK, "\"OK\""), paused);
        Assert.Equal((HttpStatusCode.OK, "\"OK\""), started);
        Assert.Equal("running", State(id));
    }

    [Fact]
    public async Task Start_leaves_a_failed_connector_failed()
    {
        string id = Add(emulator.Server, "orders", state: "failed");

        var started = await Send(HttpMethod.Post, $"v2/kafka/connector/{id}/start");

        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("failed", State(id));
    }

    [Fact]
    public async Task Restart_passes_through_restarting_then_runs_or_fails_by_configuration()
    {
        string good = Add(emulator.Server, "good", state: "failed", properties: new() { ["connector.class"] = Mongo, ["connection.uri"] = "mongodb://db" });
        string bad = Add(emulator.Server, "bad", state: "running", properties: new() { ["connector.class"] = Mongo, ["connection.uri"] = "http://db" });

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"v2/kafka/connector/{good}/restart")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"v2/kafka/connector/{bad}/restart")).Status);
        Assert.Equal("restarting", State(good));
        Assert.Equal("RESTARTING", emulator.Server.Store.WithConnector(good, c => c.ConnectorState));
        emulator.Server.Store.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("running", State(good));
        Assert.Equal("failed", State(bad));
    }

    [Fact]
    public async Task Delete_answers_OK_then_the_connector_is_gone()
    {
        string id = Add(emulator.Server, "orders");

        var deleted = await Send(HttpMethod.Delete, "v2/kafka/connector/" + id);
        var again = await Send(HttpMethod.Get, "v2/kafka/connector/" + id);

        Assert.Equal((HttpStatusCode.OK, "\"OK\""), deleted);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(0, emulator.Server.Store.ConnectorCount("orders"));
    }

    [Theory]
    [InlineData("POST", "v2/kafka/update-connector/{0}", ErrorBodyShape.ErrorObject, """{"error":"connector not found"}""")]
    [InlineData("DELETE", "v2/kafka/connector/{0}", ErrorBodyShape.MessageObject, """{"message":"connector not found"}""")]
    [InlineData("POST", "v2/kafka/connector/{0}/pause", ErrorBodyShape.JsonString, "\"connector not found\"")]
    [InlineData("POST", "v2/kafka/connector/{0}/start", ErrorBodyShape.PlainText, "connector not found")]
    [InlineData("POST", "v2/kafka/connector/{0}/restart", ErrorBodyShape.ErrorObject, """{"error":"connector not found"}""")]
    public async Task An_unknown_id_is_a_404_in_the_configured_error_shape(string method, string path, ErrorBodyShape shape, string expectedBody)
    {
        emulator.Server.Options.ErrorShape = shape;
        string? body = method == "POST" && path.StartsWith("v2/kafka/update", StringComparison.Ordinal) ? $$"""{"connector.class":"{{Mongo}}"}""" : null;

        var (status, text) = await Send(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()), body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(expectedBody, text);
    }

    [Fact]
    public async Task ForceState_and_SettleAll_drive_transitions_without_waiting()
    {
        string id = Add(emulator.Server, "orders", state: "pending");
        emulator.Server.Store.SettleAll();
        Assert.Equal("running", State(id));

        emulator.Server.Store.ForceState(id, "failed", "boom");
        JsonObject got = JsonNode.Parse((await Send(HttpMethod.Get, "v2/kafka/connector/" + id)).Body)!.AsObject();

        Assert.Equal("boom", (string?)got["state_error_message"]);
        Assert.Equal("FAILED", (string?)got["tasks"]![0]!["state"]);
    }

    public void Dispose()
    {
        emulator.Server.Options.RestartDelay = TimeSpan.FromSeconds(1);
        http.Dispose();
    }
}
