using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.KafkaConnect.KafkaConnectEmulatorConfigs;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// What the emulated Kafka Connect worker is rather than what it holds: its version gates, its optional auth beside
/// the Upstash API's, fault rules and the journal on its paths, and its plugins and validation.
/// </summary>
public sealed class KafkaConnectServerContractTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly KafkaConnectEmulatorClient client;

    public KafkaConnectServerContractTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        client = new KafkaConnectEmulatorClient(emulator.BaseUri);
    }

    private Task SetVersionAsync(string version) =>
        client.JsonAsync(HttpMethod.Put, "_emulator/kafka-connect/version", $$"""{"version":"{{version}}"}""");

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    [Fact]
    public async Task A_worker_before_3_7_refuses_initial_state_as_an_unknown_field_and_creates_nothing()
    {
        await SetVersionAsync("3.6.2");

        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors", $$"""{"name":"pg","config":{{Sink()}},"initial_state":"STOPPED"}""");

        Assert.Equal(500, reply.Status);
        Assert.StartsWith("Unrecognized field \"initial_state\"", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("[]", (await client.JsonAsync(HttpMethod.Get, "connectors")).ToJsonString());
    }

    [Fact]
    public async Task A_worker_before_3_5_has_no_stop_and_no_offsets_and_before_3_8_no_PATCH_config()
    {
        await client.CreateAsync("pg", Sink());
        await SetVersionAsync("7.4.1-ce");

        KafkaConnectEmulatorReply stop = await client.SendAsync(HttpMethod.Put, "connectors/pg/stop");
        KafkaConnectEmulatorReply offsets = await client.GetAsync("connectors/pg/offsets");
        KafkaConnectEmulatorReply patch = await client.SendAsync(HttpMethod.Patch, "connectors/pg/config", """{"topics":"x"}""");
        await SetVersionAsync("3.5.0");
        KafkaConnectEmulatorReply alter = await client.SendAsync(HttpMethod.Delete, "connectors/pg/offsets");

        Assert.Equal((404, "HTTP 404 Not Found"), (stop.Status, stop.ErrorMessage));
        Assert.Equal((404, "HTTP 404 Not Found"), (offsets.Status, offsets.ErrorMessage));
        Assert.Equal((405, "HTTP 405 Method Not Allowed"), (patch.Status, patch.ErrorMessage));
        Assert.Equal((405, "HTTP 405 Method Not Allowed"), (alter.Status, alter.ErrorMessage));
        Assert.Equal("orders", (string?)(await client.JsonAsync(HttpMethod.Get, "connectors/pg/config"))["topics"]);
    }

    [Fact]
    public async Task A_worker_before_3_0_ignores_the_restart_options_and_answers_204()
    {
        await client.CreateAsync("pg", Sink());
        await SetVersionAsync("2.8.1");

        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors/pg/restart?includeTasks=true&onlyFailed=true");

        Assert.Equal((204, string.Empty), (reply.Status, reply.Body));
        JsonNode status = await client.StatusAsync("pg");
        Assert.Equal("RESTARTING", (string?)status["connector"]!["state"]);
        Assert.Equal("UNASSIGNED", (string?)status["tasks"]![0]!["state"]);
    }

    [Fact]
    public async Task Basic_auth_when_set_guards_only_the_Kafka_Connect_paths_with_a_plain_text_401()
    {
        await client.JsonAsync(HttpMethod.Put, "_emulator/kafka-connect/auth", """{"user":"connect","password":"connect-pw"}""");

        KafkaConnectEmulatorReply none = await client.GetAsync("connectors");
        client.Authorization = Basic("connect", "wrong");
        KafkaConnectEmulatorReply wrong = await client.GetAsync("connectors");
        client.Authorization = Basic(EmulatorFixture.Email, emulator.ApiKey);
        KafkaConnectEmulatorReply upstashOnConnect = await client.GetAsync("connectors");
        KafkaConnectEmulatorReply upstashOnUpstash = await client.GetAsync("v2/kafka/clusters");
        client.Authorization = Basic("connect", "connect-pw");
        KafkaConnectEmulatorReply right = await client.GetAsync("connectors");
        KafkaConnectEmulatorReply connectOnUpstash = await client.GetAsync("v2/kafka/clusters");

        Assert.Equal((401, "User cannot access the resource.", "text/plain"), (none.Status, none.Body, none.ContentType));
        Assert.Equal((401, "User cannot access the resource."), (wrong.Status, wrong.Body));
        Assert.Equal(401, upstashOnConnect.Status);
        Assert.Equal(200, upstashOnUpstash.Status);
        Assert.Equal(200, right.Status);
        Assert.Equal(401, connectOnUpstash.Status);
        Assert.Equal(new[] { 401, 401, 401, 200, 200, 401 }, emulator.Server.Journal.Entries.Select(e => e.Status));
    }

    [Fact]
    public async Task A_bearer_token_when_set_is_accepted_and_a_missing_one_gets_the_proxys_401()
    {
        emulator.Server.Options.KafkaConnectBearerToken = "proxy-token-123";

        KafkaConnectEmulatorReply none = await client.GetAsync("connectors");
        client.Authorization = new AuthenticationHeaderValue("Bearer", "proxy-token-123");
        KafkaConnectEmulatorReply right = await client.GetAsync("connectors");
        emulator.Server.Reset();
        client.Authorization = null;
        KafkaConnectEmulatorReply afterReset = await client.GetAsync("connectors");

        Assert.Equal((401, "text/html"), (none.Status, none.ContentType));
        Assert.Equal(200, right.Status);
        Assert.Equal(200, afterReset.Status);
    }

    [Fact]
    public async Task A_status_fault_on_a_Kafka_Connect_path_answers_in_its_error_body_and_is_journaled()
    {
        await client.JsonAsync(HttpMethod.Post, "_emulator/faults", """{"kind":"Status","method":"POST","path":"/connectors","status":409}""");

        KafkaConnectEmulatorReply faulted = await client.SendAsync(HttpMethod.Post, "connectors", $$"""{"name":"pg","config":{{Sink()}}}""");
        KafkaConnectEmulatorReply retried = await client.SendAsync(HttpMethod.Post, "connectors", $$"""{"name":"pg","config":{{Sink()}}}""");

        Assert.Equal(409, faulted.Status);
        Assert.Equal("Cannot complete request because of a conflicting operation (e.g. worker rebalance)", faulted.ErrorMessage);
        Assert.Equal(201, retried.Status);
        Assert.Equal(new[] { "status 409", null }, emulator.Server.Journal.Entries.Select(e => e.Fault));
    }

    [Fact]
    public async Task The_journal_records_Kafka_Connect_requests_with_their_query_strings()
    {
        await client.CreateAsync("pg", Sink());
        await client.SendAsync(HttpMethod.Post, "connectors/pg/restart?includeTasks=true");

        JsonArray journal = (await client.JsonAsync(HttpMethod.Get, "_emulator/journal")).AsArray();

        Assert.Equal(new[] { "POST /connectors  201", "POST /connectors/pg/restart ?includeTasks=true 202" }, journal.Select(e => $"{e!["method"]} {e["path"]} {e["query"]} {e["status"]}"));
        Assert.Contains("\"connector.class\"", emulator.Server.Journal.Entries[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_list_connectors_only_unless_connectorsOnly_is_false()
    {
        JsonArray connectors = (await client.JsonAsync(HttpMethod.Get, "connector-plugins")).AsArray();
        JsonArray all = (await client.JsonAsync(HttpMethod.Get, "connector-plugins?connectorsOnly=false")).AsArray();

        Assert.All(connectors, p => Assert.Contains((string?)p!["type"], new[] { "source", "sink" }));
        Assert.Contains(connectors, p => (string?)p!["class"] == "com.mongodb.kafka.connect.MongoSourceConnector" && (string?)p["type"] == "source");
        Assert.Contains(connectors, p => (string?)p!["class"] == JdbcSink && (string?)p["type"] == "sink");
        Assert.Contains(connectors, p => (string?)p!["class"] == "org.apache.kafka.connect.file.FileStreamSourceConnector" && (string?)p["version"] == "3.9.0");
        Assert.Equal(
            new[] { "converter", "header_converter", "predicate", "sink", "source", "transformation" },
            all.Select(p => (string)p!["type"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(all, p => (string?)p!["class"] == "org.apache.kafka.connect.transforms.InsertField$Value" && (string?)p["version"] == "3.9.0");
    }

    [Fact]
    public async Task Validate_answers_200_with_error_count_and_errors_paired_with_their_keys()
    {
        JsonNode invalid = await client.JsonAsync(HttpMethod.Put, $"connector-plugins/{JdbcSink}/config/validate", $$"""{"connector.class":"{{JdbcSink}}","name":"pg","topics":"orders"}""");
        JsonNode valid = await client.JsonAsync(HttpMethod.Put, "connector-plugins/JdbcSinkConnector/config/validate", $$"""{"connector.class":"{{JdbcSink}}","name":"pg","topics":"orders","connection.url":"jdbc:x"}""");
        KafkaConnectEmulatorReply mismatch = await client.SendAsync(HttpMethod.Put, "connector-plugins/MongoSinkConnector/config/validate", $$"""{"connector.class":"{{JdbcSink}}"}""");
        KafkaConnectEmulatorReply unknown = await client.SendAsync(HttpMethod.Put, "connector-plugins/Nope/config/validate", """{"connector.class":"com.example.Nope"}""");

        Assert.Equal(JdbcSink, (string?)invalid["name"]);
        Assert.Equal(1, (int)invalid["error_count"]!);
        JsonNode url = invalid["configs"]!.AsArray().Single(c => (string?)c!["value"]!["name"] == "connection.url")!;
        Assert.Equal("Missing required configuration \"connection.url\" which has no default value.", (string?)url["value"]!["errors"]![0]);
        Assert.True((bool)url["definition"]!["required"]!);
        Assert.Equal(0, (int)valid["error_count"]!);
        Assert.Equal(400, mismatch.Status);
        Assert.Equal($"Included connector type {JdbcSink} does not match request type MongoSinkConnector", mismatch.ErrorMessage);
        Assert.Equal(500, unknown.Status);
        Assert.StartsWith("Failed to find any class that implements Connector and which name matches com.example.Nope", unknown.ErrorMessage, StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();
}
