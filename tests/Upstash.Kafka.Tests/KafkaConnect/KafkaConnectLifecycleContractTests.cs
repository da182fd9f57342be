using System.Text.Json.Nodes;
using Upstash.Kafka.Tests.Infrastructure;
using static Upstash.Kafka.Tests.KafkaConnect.KafkaConnectEmulatorConfigs;

namespace Upstash.Kafka.Tests.KafkaConnect;

/// <summary>
/// The Kafka Connect state machine on the emulator's clock: UNASSIGNED to RUNNING or FAILED after PendingDelay,
/// pause, resume, stop, the restart variants (204 vs 202), initial_state, and offsets that need STOPPED.
/// </summary>
public sealed class KafkaConnectLifecycleContractTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly TimeSpan PastPending = TimeSpan.FromMinutes(11);
    private static readonly TimeSpan PastRestart = TimeSpan.FromMinutes(2);

    private readonly EmulatorFixture emulator;
    private readonly KafkaConnectEmulatorClient client;

    public KafkaConnectLifecycleContractTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        emulator.Server.Options.PendingDelay = TimeSpan.FromMinutes(10);
        emulator.Server.Options.RestartDelay = TimeSpan.FromMinutes(1);
        client = new KafkaConnectEmulatorClient(emulator.BaseUri);
    }

    private void Advance(TimeSpan by) => emulator.Server.Store.Clock.Advance(by);

    /// <summary>"CONNECTOR/TASK0,TASK1": the connector's state and its tasks', in one comparable text.</summary>
    private async Task<string> StatesAsync(string name) => States(await client.StatusAsync(name));

    private static string States(JsonNode status) =>
        status["connector"]!["state"] + "/" + string.Join(",", status["tasks"]!.AsArray().Select(t => (string?)t!["state"]));

    private async Task RunningAsync(string name, string config)
    {
        await client.CreateAsync(name, config);
        Advance(PastPending);
        Assert.StartsWith("RUNNING/", await StatesAsync(name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_connector_and_its_tasks_max_tasks_are_UNASSIGNED_until_PendingDelay_then_RUNNING()
    {
        await client.CreateAsync("pg", Sink(tasks: 3));

        Assert.Equal("UNASSIGNED/UNASSIGNED,UNASSIGNED,UNASSIGNED", await StatesAsync("pg"));
        Advance(TimeSpan.FromMinutes(9));
        Assert.StartsWith("UNASSIGNED/", await StatesAsync("pg"), StringComparison.Ordinal);
        Advance(TimeSpan.FromMinutes(2));

        JsonNode status = await client.StatusAsync("pg");
        Assert.Equal("RUNNING/RUNNING,RUNNING,RUNNING", await StatesAsync("pg"));
        Assert.Equal(new[] { 0, 1, 2 }, status["tasks"]!.AsArray().Select(t => (int)t!["id"]!));
        Assert.Equal(emulator.BaseUri.Host + ":" + emulator.BaseUri.Port, (string?)status["connector"]!["worker_id"]);
        Assert.Null(status["connector"]!["trace"]);
        Assert.Equal("sink", (string?)status["type"]);
    }

    [Fact]
    public async Task A_configuration_the_Upstash_side_fails_ends_FAILED_with_a_Java_trace_on_the_connector_and_its_tasks()
    {
        await client.CreateAsync("mongo", FailingMongo);
        emulator.Server.Store.RejectedProperties.Add("bad.key");
        await client.CreateAsync("rejected", """{"connector.class":"FileStreamSource","topic":"t","bad.key":"1"}""");
        Advance(PastPending);

        JsonNode status = await client.StatusAsync("mongo");
        Assert.Equal("FAILED/FAILED,FAILED", await StatesAsync("mongo"));
        Assert.StartsWith("org.apache.kafka.connect.errors.ConnectException: ", (string?)status["connector"]!["trace"], StringComparison.Ordinal);
        Assert.Contains("connection.uri", (string?)status["connector"]!["trace"], StringComparison.Ordinal);
        Assert.Contains("\n\tat org.apache.kafka.connect.runtime.WorkerTask", (string?)status["tasks"]![1]!["trace"], StringComparison.Ordinal);
        Assert.StartsWith("FAILED/", await StatesAsync("rejected"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_and_resume_answer_202_without_a_body_and_stop_204_and_resume_also_un_stops()
    {
        await RunningAsync("pg", Sink(tasks: 2));

        KafkaConnectEmulatorReply paused = await client.SendAsync(HttpMethod.Put, "connectors/pg/pause");
        string afterPause = await StatesAsync("pg");
        KafkaConnectEmulatorReply resumed = await client.SendAsync(HttpMethod.Put, "connectors/pg/resume");
        string afterResume = await StatesAsync("pg");
        KafkaConnectEmulatorReply stopped = await client.SendAsync(HttpMethod.Put, "connectors/pg/stop");
        string afterStop = await StatesAsync("pg");
        JsonNode stoppedInfo = await client.JsonAsync(HttpMethod.Get, "connectors/pg");
        await client.SendAsync(HttpMethod.Put, "connectors/pg/resume");

        Assert.Equal((202, string.Empty), (paused.Status, paused.Body));
        Assert.Equal("PAUSED/PAUSED,PAUSED", afterPause);
        Assert.Equal((202, string.Empty), (resumed.Status, resumed.Body));
        Assert.Equal("RUNNING/RUNNING,RUNNING", afterResume);
        Assert.Equal((204, string.Empty), (stopped.Status, stopped.Body));
        Assert.Equal("STOPPED/", afterStop);
        Assert.Empty(stoppedInfo["tasks"]!.AsArray());
        Assert.Equal("RUNNING/RUNNING,RUNNING", await StatesAsync("pg"));
    }

    [Fact]
    public async Task A_plain_restart_is_204_and_restarts_the_connector_only_until_RestartDelay()
    {
        await RunningAsync("pg", Sink(tasks: 2));

        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors/pg/restart?includeTasks=false&onlyFailed=false");

        Assert.Equal((204, string.Empty), (reply.Status, reply.Body));
        Assert.Equal("RESTARTING/RUNNING,RUNNING", await StatesAsync("pg"));
        Advance(PastRestart);
        Assert.Equal("RUNNING/RUNNING,RUNNING", await StatesAsync("pg"));
    }

    [Theory]
    [InlineData("includeTasks=true", "RESTARTING", "RESTARTING", "RESTARTING")]
    [InlineData("includeTasks=true&onlyFailed=true", "RUNNING", "RUNNING", "RESTARTING")]
    [InlineData("onlyFailed=true", "RUNNING", "RUNNING", "FAILED")]
    public async Task A_restart_with_options_is_202_with_the_status_showing_what_restarts(string query, string connector, string task0, string task1)
    {
        await RunningAsync("pg", Sink(tasks: 2));
        await client.JsonAsync(HttpMethod.Put, "_emulator/kafka-connect/connectors/pg/status", """{"tasks":["RUNNING","FAILED"]}""");

        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors/pg/restart?" + query);

        Assert.Equal(202, reply.Status);
        Assert.Equal("pg", (string?)reply.Json["name"]);
        Assert.Equal($"{connector}/{task0},{task1}", States(reply.Json));
        Advance(PastRestart);
        Assert.Equal(task1 == "FAILED" ? "RUNNING/RUNNING,FAILED" : "RUNNING/RUNNING,RUNNING", await StatesAsync("pg"));
    }

    [Fact]
    public async Task A_restart_of_a_failing_configuration_fails_again_and_an_unknown_connector_is_a_404()
    {
        await client.CreateAsync("mongo", FailingMongo);
        Advance(PastPending);

        KafkaConnectEmulatorReply reply = await client.SendAsync(HttpMethod.Post, "connectors/mongo/restart?includeTasks=true&onlyFailed=true");
        Advance(PastRestart);
        KafkaConnectEmulatorReply unknown = await client.SendAsync(HttpMethod.Post, "connectors/nope/restart");

        Assert.Equal("RESTARTING/RESTARTING,RESTARTING", States(reply.Json));
        Assert.Equal("FAILED/FAILED,FAILED", await StatesAsync("mongo"));
        Assert.Equal((404, "Unknown connector: nope"), (unknown.Status, unknown.ErrorMessage));
    }

    [Theory]
    [InlineData("PAUSED", "PAUSED", 1)]
    [InlineData("stopped", "STOPPED", 0)]
    [InlineData("Running", "RUNNING", 1)]
    public async Task Initial_state_in_any_case_is_honoured_once_the_connector_is_assigned(string initial, string state, int tasks)
    {
        await client.CreateAsync("pg", Sink(), initialState: initial);
        Advance(PastPending);

        Assert.Equal(state + "/" + string.Join(",", Enumerable.Repeat(state, tasks)), await StatesAsync("pg"));
    }

    [Fact]
    public async Task A_running_sink_reports_an_offset_per_topic_and_offsets_change_only_when_STOPPED()
    {
        await RunningAsync("pg", Sink(topics: "orders,users"));

        JsonArray committed = (await client.JsonAsync(HttpMethod.Get, "connectors/pg/offsets"))["offsets"]!.AsArray();
        KafkaConnectEmulatorReply patchRunning = await client.SendAsync(HttpMethod.Patch, "connectors/pg/offsets", """{"offsets":[{"partition":{"kafka_topic":"orders","kafka_partition":0},"offset":{"kafka_offset":5}}]}""");
        KafkaConnectEmulatorReply deleteRunning = await client.SendAsync(HttpMethod.Delete, "connectors/pg/offsets");
        await client.SendAsync(HttpMethod.Put, "connectors/pg/stop");
        KafkaConnectEmulatorReply empty = await client.SendAsync(HttpMethod.Patch, "connectors/pg/offsets", """{"offsets":[]}""");
        KafkaConnectEmulatorReply altered = await client.SendAsync(HttpMethod.Patch, "connectors/pg/offsets", """{"offsets":[{"partition":{"kafka_topic":"orders","kafka_partition":"0"},"offset":{"kafka_offset":"4211"}},{"partition":{"kafka_topic":"users","kafka_partition":0},"offset":null}]}""");
        JsonNode after = await client.JsonAsync(HttpMethod.Get, "connectors/pg/offsets");
        KafkaConnectEmulatorReply reset = await client.SendAsync(HttpMethod.Delete, "connectors/pg/offsets");

        Assert.Equal(
            """[{"partition":{"kafka_topic":"orders","kafka_partition":0},"offset":{"kafka_offset":0}},{"partition":{"kafka_topic":"users","kafka_partition":0},"offset":{"kafka_offset":0}}]""",
            committed.ToJsonString());
        Assert.Equal(400, patchRunning.Status);
        Assert.StartsWith("Connectors must be in the STOPPED state before their offsets can be modified. ", patchRunning.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(400, deleteRunning.Status);
        Assert.Equal((400, "Partitions / offsets need to be provided for an alter offsets request"), (empty.Status, empty.ErrorMessage));
        Assert.Equal("The offsets for this connector have been altered successfully", (string?)altered.Json["message"]);
        Assert.Equal("""{"offsets":[{"partition":{"kafka_topic":"orders","kafka_partition":0},"offset":{"kafka_offset":4211}}]}""", after.ToJsonString());
        Assert.Equal("The offsets for this connector have been reset successfully", (string?)reset.Json["message"]);
        Assert.Equal("""{"offsets":[]}""", (await client.JsonAsync(HttpMethod.Get, "connectors/pg/offsets")).ToJsonString());
    }

    [Fact]
    public async Task A_connector_created_STOPPED_takes_offsets_at_once_and_a_source_keeps_its_own_shape()
    {
        await client.CreateAsync("fs", """{"connector.class":"org.apache.kafka.connect.file.FileStreamSourceConnector","topic":"lines","file":"/data/in.txt"}""", initialState: "STOPPED");

        KafkaConnectEmulatorReply altered = await client.SendAsync(HttpMethod.Patch, "connectors/fs/offsets", """{"offsets":[{"partition":{"filename":"/data/in.txt"},"offset":{"position":30}}]}""");
        KafkaConnectEmulatorReply badSink = await client.SendAsync(HttpMethod.Patch, "connectors/fs/offsets", """{"offsets":[{"offset":{"position":1}}]}""");

        Assert.Equal(200, altered.Status);
        Assert.Equal(400, badSink.Status);
        Assert.Equal("""{"offsets":[{"partition":{"filename":"/data/in.txt"},"offset":{"position":30}}]}""", (await client.JsonAsync(HttpMethod.Get, "connectors/fs/offsets")).ToJsonString());
    }

    public void Dispose() => client.Dispose();
}
