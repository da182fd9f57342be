using System.Text.Json.Nodes;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.KafkaConnect.KafkaConnectEmulatorConfigs;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// The emulator's Kafka Connect REST API at its root, over HTTP, against docs/kafka-connect-api.md: server info,
/// create, config reads and writes, the expand list, delete and the 404 texts.
/// </summary>
public sealed class KafkaConnectEmulatorContractTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly KafkaConnectEmulatorClient client;

    public KafkaConnectEmulatorContractTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        client = new KafkaConnectEmulatorClient(emulator.BaseUri);
    }

    [Fact]
    public async Task Root_reports_the_version_commit_and_cluster_id_and_the_control_plane_can_lower_the_version()
    {
        JsonNode root = await client.JsonAsync(HttpMethod.Get, "/");
        Assert.Equal("3.9.0", (string?)root["version"]);
        Assert.False(string.IsNullOrEmpty((string?)root["commit"]));
        Assert.False(string.IsNullOrEmpty((string?)root["kafka_cluster_id"]));

        await client.JsonAsync(HttpMethod.Put, "_emulator/kafka-connect/version", """{"version":"3.4.0"}""");
        Assert.Equal("3.4.0", (string?)(await client.JsonAsync(HttpMethod.Get, "/"))["version"]);

        emulator.Server.Reset();
        Assert.Equal("3.9.0", (string?)(await client.JsonAsync(HttpMethod.Get, "/"))["version"]);
    }

    [Fact]
    public async Task Create_answers_201_with_Location_and_no_tasks_adds_the_name_then_the_same_name_is_a_409()
    {
        KafkaConnectEmulatorReply created = await client.SendAsync(HttpMethod.Post, "connectors", $$"""{"name":" pg-sink ","config":{{Sink(tasks: 2)}}}""");

        Assert.Equal(201, created.Status);
        Assert.Equal(new Uri(emulator.BaseUri, "connectors/pg-sink"), created.Location);
        JsonObject info = created.Json.AsObject();
        Assert.Equal("pg-sink", (string?)info["name"]);
        Assert.Equal("pg-sink", (string?)info["config"]!["name"]);
        Assert.Equal("2", (string?)info["config"]!["tasks.max"]);
        Assert.Empty(info["tasks"]!.AsArray());
        Assert.Equal("sink", (string?)info["type"]);

        KafkaConnectEmulatorReply again = await client.SendAsync(HttpMethod.Post, "connectors", $$"""{"name":"pg-sink","config":{{Sink()}}}""");
        Assert.Equal(409, again.Status);
        Assert.Equal("Connector pg-sink already exists", again.ErrorMessage);
        Assert.Equal(1, emulator.Server.KafkaConnect.Count);
    }

    [Fact]
    public async Task A_config_without_connector_class_is_a_400_that_echoes_the_config_secrets_included_and_creates_nothing()
    {
        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors", """{"name":"x","config":{"connection.password":"hunter2","topics":"a"}}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Connector config {connection.password=hunter2, topics=a, name=x} contains no connector type", reply.ErrorMessage);
        Assert.Equal(0, emulator.Server.KafkaConnect.Count);
    }

    [Theory]
    [InlineData("""{"name":"a","config":{"connector.class":"FileStreamSource","topic":"t","name":"b"}}""", 400, "Connector name configuration (b) doesn't match connector name in the URL (a)")]
    [InlineData("""{"name":"a","config":{"connector.class":"FileStreamSource","topic":["t"]}}""", 500, "Cannot deserialize value of type `java.lang.String` from Array value")]
    [InlineData("""{"name":"a","config":{"connector.class":"FileStreamSource","topic":{"t":1}}}""", 500, "Cannot deserialize value of type `java.lang.String` from Object value")]
    [InlineData("""{"name":"a","cluster":"c","config":{"connector.class":"FileStreamSource","topic":"t"}}""", 500, "Unrecognized field \"cluster\"")]
    [InlineData("""{"name":"a","config":{"connector.class":"com.example.NotInstalledConnector"}}""", 500, "Failed to find any class that implements Connector and which name matches com.example.NotInstalledConnector, available connectors are: PluginDesc{klass=class ")]
    [InlineData("""{"name":"a","config":{"connector.class":"FileStreamSource","topic":"t","tasks.max":"0"}}""", 400, "Connector configuration is invalid and contains the following 1 error(s):\nInvalid value 0 for configuration tasks.max: Value must be at least 1")]
    public async Task Create_refuses_what_Kafka_Connect_refuses_with_its_status_and_text(string body, int status, string messageStart)
    {
        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors", body);

        Assert.Equal(status, reply.Status);
        Assert.StartsWith(messageStart, reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Server.KafkaConnect.Count);
    }

    [Fact]
    public async Task Numbers_and_booleans_in_the_config_are_stored_as_their_text_as_Jackson_coerces_them()
    {
        JsonNode info = await client.CreateAsync("fs", """{"connector.class":"FileStreamSource","topic":"t","tasks.max":2,"x.ratio":10.50,"x":true}""");

        JsonObject config = (await client.JsonAsync(HttpMethod.Get, "connectors/fs/config")).AsObject();
        Assert.Equal(("2", "10.50", "true"), ((string?)config["tasks.max"], (string?)config["x.ratio"], (string?)config["x"]));
        Assert.Equal("source", (string?)info["type"]);
    }

    [Fact]
    public async Task The_list_is_names_and_expand_gives_a_map_of_name_to_the_requested_status_and_info()
    {
        await client.CreateAsync("b-sink", Sink());
        await client.CreateAsync("a-source", """{"connector.class":"FileStreamSource","topic":"t"}""");

        JsonArray names = (await client.JsonAsync(HttpMethod.Get, "connectors")).AsArray();
        JsonObject both = (await client.JsonAsync(HttpMethod.Get, "connectors?expand=status&expand=info")).AsObject();
        JsonObject infoOnly = (await client.JsonAsync(HttpMethod.Get, "connectors?expand=info")).AsObject();

        Assert.Equal(new[] { "a-source", "b-sink" }, names.Select(n => (string?)n).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "a-source", "b-sink" }, both.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "status", "info" }, both["b-sink"]!.AsObject().Select(p => p.Key));
        Assert.Equal("UNASSIGNED", (string?)both["b-sink"]!["status"]!["connector"]!["state"]);
        Assert.Equal("b-sink", (string?)both["b-sink"]!["status"]!["name"]);
        Assert.Equal(JdbcSink, (string?)both["b-sink"]!["info"]!["config"]!["connector.class"]);
        Assert.Equal("sink", (string?)both["b-sink"]!["info"]!["type"]);
        Assert.Equal(new[] { "info" }, infoOnly["a-source"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Put_config_takes_the_flat_map_creating_with_201_then_replacing_the_whole_config_with_200()
    {
        KafkaConnectEmulatorReply created = await client.SendAsync(HttpMethod.Put, "connectors/pg/config", Sink());
        KafkaConnectEmulatorReply replaced = await client.SendAsync(HttpMethod.Put, "connectors/pg/config", $$"""{"connector.class":"{{JdbcSink}}","topics":"users","connection.url":"jdbc:postgresql://other/app","name":"pg"}""");
        KafkaConnectEmulatorReply mismatch = await client.SendAsync(HttpMethod.Put, "connectors/pg/config", $$"""{"connector.class":"{{JdbcSink}}","topics":"users","connection.url":"x","name":"other"}""");
        KafkaConnectEmulatorReply wrapped = await client.SendAsync(HttpMethod.Put, "connectors/pg/config", $$"""{"config":{{Sink()}}}""");

        Assert.Equal(201, created.Status);
        Assert.NotNull(created.Location);
        Assert.Equal(200, replaced.Status);
        Assert.Null(replaced.Location);
        JsonObject stored = (await client.JsonAsync(HttpMethod.Get, "connectors/pg/config")).AsObject();
        Assert.Equal(new[] { "connector.class", "topics", "connection.url", "name" }, stored.Select(p => p.Key));
        Assert.Equal((400, "Connector name configuration (other) doesn't match connector name in the URL (pg)"), (mismatch.Status, mismatch.ErrorMessage));
        Assert.Equal(500, wrapped.Status);
        Assert.StartsWith("Cannot deserialize value of type `java.lang.String` from Object value", wrapped.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("users", (string?)stored["topics"]);
    }

    [Fact]
    public async Task Patch_config_merges_a_null_deletes_a_key_and_an_absent_connector_is_a_404()
    {
        await client.CreateAsync("pg", Sink());

        JsonNode patched = await client.JsonAsync(HttpMethod.Patch, "connectors/pg/config", """{"topics":"users","connection.password":null,"batch.size":"500"}""");
        KafkaConnectEmulatorReply absent = await client.SendAsync(HttpMethod.Patch, "connectors/nope/config", """{"topics":"users"}""");

        JsonObject config = patched["config"]!.AsObject();
        Assert.Equal("users", (string?)config["topics"]);
        Assert.Equal("500", (string?)config["batch.size"]);
        Assert.False(config.ContainsKey("connection.password"));
        Assert.Equal("jdbc:postgresql://db:5432/app", (string?)config["connection.url"]);
        Assert.Equal((404, "Connector nope not found"), (absent.Status, absent.ErrorMessage));
    }

    [Fact]
    public async Task Delete_answers_204_and_then_every_read_is_a_404_with_its_own_text()
    {
        await client.CreateAsync("gone", Sink());

        KafkaConnectEmulatorReply deleted = await client.SendAsync(HttpMethod.Delete, "connectors/gone");

        Assert.Equal((204, string.Empty), (deleted.Status, deleted.Body));
        Assert.Equal("Connector gone not found", (await client.GetAsync("connectors/gone")).ErrorMessage);
        Assert.Equal("Connector gone not found", (await client.GetAsync("connectors/gone/config")).ErrorMessage);
        Assert.Equal("No status found for connector gone", (await client.GetAsync("connectors/gone/status")).ErrorMessage);
        Assert.Equal("Connector gone not found", (await client.SendAsync(HttpMethod.Delete, "connectors/gone")).ErrorMessage);
        Assert.Equal("Unknown connector gone", (await client.SendAsync(HttpMethod.Put, "connectors/gone/pause")).ErrorMessage);
    }

    [Fact]
    public async Task Tasks_list_their_configs_and_a_missing_task_is_a_404_naming_connector_and_task()
    {
        await client.CreateAsync("pg", Sink(tasks: 2));

        JsonArray tasks = (await client.JsonAsync(HttpMethod.Get, "connectors/pg/tasks")).AsArray();
        JsonNode task1 = await client.JsonAsync(HttpMethod.Get, "connectors/pg/tasks/1/status");
        KafkaConnectEmulatorReply missingStatus = await client.GetAsync("connectors/pg/tasks/7/status");
        KafkaConnectEmulatorReply missingRestart = await client.SendAsync(HttpMethod.Post, "connectors/pg/tasks/7/restart");
        KafkaConnectEmulatorReply restarted = await client.SendAsync(HttpMethod.Post, "connectors/pg/tasks/1/restart");

        Assert.Equal(2, tasks.Count);
        Assert.Equal(("pg", 1), ((string?)tasks[1]!["id"]!["connector"], (int)tasks[1]!["id"]!["task"]!));
        Assert.Equal("pg-secret-1", (string?)tasks[0]!["config"]!["connection.password"]);
        Assert.Equal(1, (int)task1["id"]!);
        Assert.Equal((404, "No status found for task pg-7"), (missingStatus.Status, missingStatus.ErrorMessage));
        Assert.Equal((404, "Unknown task: pg-7"), (missingRestart.Status, missingRestart.ErrorMessage));
        Assert.Equal(204, restarted.Status);
        Assert.Equal("RESTARTING", (string?)(await client.StatusAsync("pg"))["tasks"]![1]!["state"]);
    }

    [Fact]
    public async Task A_path_or_method_the_worker_does_not_have_gets_Jerseys_404_and_405()
    {
        await client.CreateAsync("pg", Sink());

        KafkaConnectEmulatorReply path = await client.GetAsync("connectors/pg/nothing-here");
        KafkaConnectEmulatorReply method = await client.SendAsync(HttpMethod.Post, "connectors/pg/pause");

        Assert.Equal((404, "HTTP 404 Not Found"), (path.Status, path.ErrorMessage));
        Assert.Equal((405, "HTTP 405 Method Not Allowed"), (method.Status, method.ErrorMessage));
    }

    public void Dispose() => client.Dispose();
}
