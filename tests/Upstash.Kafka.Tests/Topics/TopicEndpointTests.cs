using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Tests.Emulator;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>The emulator's topic and statistics endpoints, called as curl would call them: the contract's shapes and the service's refusals.</summary>
public sealed class TopicEndpointTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string OtherCluster = "5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    private readonly EmulatorFixture emulator;
    private readonly EmulatorClient client;

    public TopicEndpointTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        client = new EmulatorClient(emulator.BaseUri, EmulatorFixture.Email, emulator.ApiKey);
    }

    private static string Create(string name, int partitions = 1, long retentionTime = -1, long retentionSize = -1, long maxMessageSize = -1, string policy = "delete", string? cluster = null) =>
        $"{{\"name\":\"{name}\",\"partitions\":{partitions},\"retention_time\":{retentionTime},\"retention_size\":{retentionSize},\"max_message_size\":{maxMessageSize},\"cleanup_policy\":\"{policy}\",\"cluster_id\":\"{cluster ?? EmulatorOptions.DemoClusterId}\"}}";

    private static string Update(int partitions, long retentionTime = TopicSeed.Week, long retentionSize = TopicSeed.Gigabyte, long maxMessageSize = TopicSeed.Megabyte) =>
        $"{{\"partitions\":{partitions},\"retention_time\":{retentionTime},\"retention_size\":{retentionSize},\"max_message_size\":{maxMessageSize}}}";

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        (int status, string body, _) = await client.SendAsync(method, path, json);
        return (status, body);
    }

    [Fact]
    public async Task Create_answers_the_documented_topic_with_minus_one_resolved_to_the_cluster_limits()
    {
        JsonNode topic = await client.JsonAsync(HttpMethod.Post, "v2/kafka/topic", Create("orders", partitions: 3, retentionSize: 1000));

        Assert.Equal("orders", (string?)topic["topic_name"]);
        Assert.Equal(EmulatorOptions.DemoClusterId, (string?)topic["cluster_id"]);
        Assert.Equal(3, (int)topic["partitions"]!);
        Assert.Equal(TopicSeed.Week, (long)topic["retention_time"]!);
        Assert.Equal(1000, (long)topic["retention_size"]!);
        Assert.Equal(TopicSeed.Megabyte, (long)topic["max_message_size"]!);
        Assert.Equal("delete", (string?)topic["cleanup_policy"]);
        Assert.Equal(TopicSeed.ClusterPassword(emulator.Server), (string?)topic["password"]);
        foreach (string field in new[] { "topic_id", "region", "creation_time", "state", "multizone", "tcp_endpoint", "rest_endpoint", "username" })
        {
            Assert.NotNull(topic[field]);
        }
    }

    [Theory]
    [InlineData("{\"partitions\":1}", "name is required")]
    [InlineData("not json", "invalid request body")]
    public async Task A_create_without_the_basics_is_a_400_with_the_reason(string body, string reason)
    {
        (int status, string text) = await SendAsync(HttpMethod.Post, "v2/kafka/topic", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_refuses_what_the_service_would_refuse()
    {
        await client.JsonAsync(HttpMethod.Post, "v2/kafka/topic", Create("orders", partitions: 60));

        Assert.Contains("already exists", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("orders"))).Body, StringComparison.Ordinal);
        Assert.Contains("cluster not found", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", cluster: OtherCluster))).Body, StringComparison.Ordinal);
        Assert.Contains("cleanup_policy must be delete or compact", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", policy: "archive"))).Body, StringComparison.Ordinal);
        Assert.Contains("partition limit exceeded", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", partitions: 41))).Body, StringComparison.Ordinal);
        Assert.Contains("partitions must be at least 1", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", partitions: 0))).Body, StringComparison.Ordinal);
        Assert.Contains("exceeds the cluster", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", retentionSize: 2 * TopicSeed.Gigabyte))).Body, StringComparison.Ordinal);
        Assert.Contains("must be positive", (await SendAsync(HttpMethod.Post, "v2/kafka/topic", Create("x", maxMessageSize: 0))).Body, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Server.Store.TopicCount());
    }

    [Fact]
    public async Task The_same_name_may_exist_in_two_clusters_and_each_list_holds_its_own()
    {
        emulator.Server.Store.AddCluster(OtherCluster, "other");
        await client.JsonAsync(HttpMethod.Post, "v2/kafka/topic", Create("orders"));
        await client.JsonAsync(HttpMethod.Post, "v2/kafka/topic", Create("orders", cluster: OtherCluster));

        JsonArray demo = (await client.JsonAsync(HttpMethod.Get, "v2/kafka/topics/" + EmulatorOptions.DemoClusterId)).AsArray();
        JsonArray other = (await client.JsonAsync(HttpMethod.Get, "v2/kafka/topics/" + OtherCluster)).AsArray();

        Assert.Equal(EmulatorOptions.DemoClusterId, (string?)Assert.Single(demo)!["cluster_id"]);
        Assert.Equal(OtherCluster, (string?)Assert.Single(other)!["cluster_id"]);
        Assert.Equal(400, (await SendAsync(HttpMethod.Get, "v2/kafka/topics/no-such-cluster")).Status);
    }

    [Fact]
    public async Task Reconfigure_grows_partitions_and_refuses_to_shrink_them_or_pass_the_limit()
    {
        string id = TopicSeed.Add(emulator.Server, "orders", partitions: 4);

        (int shrink, string why) = await SendAsync(HttpMethod.Post, $"v2/kafka/update-topic/{id}", Update(3));
        JsonNode grown = await client.JsonAsync(HttpMethod.Post, $"v2/kafka/update-topic/{id}", Update(6, retentionTime: 3600000, retentionSize: -1));
        (int tooMany, _) = await SendAsync(HttpMethod.Post, $"v2/kafka/update-topic/{id}", Update(101));
        (int missing, _) = await SendAsync(HttpMethod.Post, $"v2/kafka/update-topic/{id}", "{\"partitions\":7}");
        (int unknown, _) = await SendAsync(HttpMethod.Post, "v2/kafka/update-topic/nope", Update(7));

        Assert.Equal((400, true), (shrink, why.Contains("has 4", StringComparison.Ordinal)));
        Assert.Equal(6, (int)grown["partitions"]!);
        Assert.Equal(3600000, (long)grown["retention_time"]!);
        Assert.Equal(TopicSeed.Gigabyte, (long)grown["retention_size"]!);
        Assert.Equal((400, 400, 404), (tooMany, missing, unknown));
        Assert.Equal(6, TopicSeed.Find(emulator.Server, id).Partitions);
    }

    [Fact]
    public async Task Get_and_delete_find_the_topic_once()
    {
        string id = TopicSeed.Add(emulator.Server, "orders");

        Assert.Equal("orders", (string?)(await client.JsonAsync(HttpMethod.Get, "v2/kafka/topic/" + id))["topic_name"]);
        Assert.Equal((200, "\"OK\""), await SendAsync(HttpMethod.Delete, "v2/kafka/topic/" + id));
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, "v2/kafka/topic/" + id)).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, "v2/kafka/topic/" + id)).Status);
    }

    [Fact]
    public void Removing_a_clusters_topics_leaves_other_clusters_alone()
    {
        emulator.Server.Store.AddCluster(OtherCluster, "other");
        TopicSeed.Add(emulator.Server, "a");
        TopicSeed.Add(emulator.Server, "b");
        TopicSeed.Add(emulator.Server, "c", clusterId: OtherCluster);

        Assert.Equal(2, emulator.Server.Store.RemoveClusterTopics(EmulatorOptions.DemoClusterId));
        Assert.Equal(0, emulator.Server.Store.TopicCount(EmulatorOptions.DemoClusterId));
        Assert.Equal(1, emulator.Server.Store.TopicCount(OtherCluster));
    }

    [Fact]
    public async Task Statistics_come_in_both_time_formats_and_the_cluster_sums_its_topics()
    {
        string id = TopicSeed.Add(emulator.Server, "orders", partitions: 4);
        TopicSeed.Add(emulator.Server, "refunds", partitions: 2);

        JsonNode topic = await client.JsonAsync(HttpMethod.Get, "v2/kafka/stats/topic/" + id);
        JsonNode cluster = await client.JsonAsync(HttpMethod.Get, "v2/kafka/stats/cluster/" + EmulatorOptions.DemoClusterId);

        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string?)topic["throughput"]![0]!["x"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 UTC$", (string?)topic["diskusage"]![0]!["x"]);
        Assert.Equal(12, topic["produce_throughput"]!.AsArray().Count);
        Assert.NotNull(topic["total_monthly_produce"]);
        Assert.Equal(7, cluster["days"]!.AsArray().Count);
        Assert.Equal(7, cluster["dailyproduce"]!.AsArray().Count);
        Assert.NotNull(cluster["total_monthly_billing"]);
        double topicSum = (double)topic["produce_throughput"]![11]!["y"]!;
        Assert.True((double)cluster["produce_throughput"]![11]!["y"]! >= topicSum);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, "v2/kafka/stats/topic/nope")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, "v2/kafka/stats/cluster/nope")).Status);
    }

    public void Dispose()
    {
        client.Dispose();
        GC.SuppressFinalize(this);
    }
}
