using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Connectors;

/// <summary>The emulator's create, get and list answer as the contract documents, for any client.</summary>
public sealed class CreateContractTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Cluster = EmulatorOptions.DemoClusterId;
    private readonly EmulatorFixture emulator;
    private readonly EmulatorClient client;

    public CreateContractTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        client = new EmulatorClient(emulator.BaseUri, EmulatorFixture.Email, emulator.ApiKey);
    }

    private static string Body(string name, string cluster = Cluster, string properties = "{\"connector.class\":\"com.mongodb.kafka.connect.MongoSourceConnector\",\"connection.uri\":\"mongodb://u:p@h\"}") =>
        $"{{\"name\":\"{name}\",\"cluster_id\":\"{cluster}\",\"properties\":{properties}}}";

    [Fact]
    public async Task Create_answers_pending_without_properties_and_a_TTL_1800_seconds_after_creation()
    {
        JsonObject created = (await client.JsonAsync(HttpMethod.Post, "v2/kafka/connector", Body("orders"))).AsObject();

        Assert.Equal("pending", (string?)created["state"]);
        Assert.False(created.ContainsKey("properties"));
        Assert.Equal((long)created["creation_time"]! + 1800, (long)created["TTL"]!);
        Assert.Equal(0, (int)created["deletion_time"]!);
        Assert.Equal("com.mongodb.kafka.connect.MongoSourceConnector", (string?)created["connector_class"]);
        Assert.True(Guid.TryParse((string?)created["connector_id"], out _));
    }

    [Fact]
    public async Task Get_and_list_return_the_properties_in_clear_as_the_real_api_does()
    {
        string id = (string)(await client.JsonAsync(HttpMethod.Post, "v2/kafka/connector", Body("orders")))["connector_id"]!;

        JsonNode got = await client.JsonAsync(HttpMethod.Get, "v2/kafka/connector/" + id);
        JsonArray list = (await client.JsonAsync(HttpMethod.Get, "v2/kafka/connectors/" + Cluster)).AsArray();

        Assert.Equal("mongodb://u:p@h", (string?)got["properties"]!["connection.uri"]);
        Assert.Equal("mongodb://u:p@h", (string?)Assert.Single(list)!["properties"]!["connection.uri"]);
    }

    [Theory]
    [InlineData("{\"cluster_id\":\"" + Cluster + "\",\"properties\":{\"connector.class\":\"x\"}}", "name is required")]
    [InlineData("{\"name\":\"a\",\"properties\":{\"connector.class\":\"x\"}}", "cluster_id is required")]
    [InlineData("{\"name\":\"a\",\"cluster_id\":\"" + Cluster + "\"}", "properties is required")]
    [InlineData("{\"name\":\"a\",\"cluster_id\":\"" + Cluster + "\",\"properties\":{\"topics\":\"t\"}}", "connector.class is required")]
    [InlineData("{\"name\":\"a\",\"cluster_id\":\"nope\",\"properties\":{\"connector.class\":\"x\"}}", "cluster not found")]
    [InlineData("[1]", "expected a JSON object")]
    public async Task Create_refuses_what_the_service_refuses_with_400_and_a_reason(string body, string reason)
    {
        (int status, string text, _) = await client.SendAsync(HttpMethod.Post, "v2/kafka/connector", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, (string?)JsonNode.Parse(text)!["error"]);
        Assert.Equal(0, emulator.Server.Store.ConnectorCount());
    }

    [Fact]
    public async Task A_second_connector_with_the_same_name_in_a_cluster_is_refused()
    {
        await client.JsonAsync(HttpMethod.Post, "v2/kafka/connector", Body("orders"));
        (int status, string text, _) = await client.SendAsync(HttpMethod.Post, "v2/kafka/connector", Body("orders"));

        Assert.Equal(400, status);
        Assert.Contains("already exists", text);
    }

    [Theory]
    [InlineData(ErrorBodyShape.ErrorObject, "{\"error\":\"Unauthorized\"}")]
    [InlineData(ErrorBodyShape.MessageObject, "{\"message\":\"Unauthorized\"}")]
    [InlineData(ErrorBodyShape.JsonString, "\"Unauthorized\"")]
    [InlineData(ErrorBodyShape.PlainText, "Unauthorized")]
    public async Task A_wrong_key_is_401_in_the_configured_error_shape(ErrorBodyShape shape, string expected)
    {
        emulator.Server.Options.ErrorShape = shape;
        using var wrong = new EmulatorClient(emulator.BaseUri, EmulatorFixture.Email, "not-the-key");

        (int status, string body, _) = await wrong.SendAsync(HttpMethod.Get, "v2/kafka/clusters");

        Assert.Equal(401, status);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task The_journal_records_method_path_headers_and_body_of_every_api_request()
    {
        await client.SendAsync(HttpMethod.Post, "v2/kafka/connector", Body("orders"));

        var entry = Assert.Single(emulator.Server.Journal.Entries);
        Assert.Equal(("POST", "/v2/kafka/connector", 200), (entry.Method, entry.Path, entry.Status));
        Assert.Contains("\"name\":\"orders\"", entry.Body);
        Assert.StartsWith("Basic ", entry.Headers["Authorization"]);
    }

    public void Dispose() => client.Dispose();
}
