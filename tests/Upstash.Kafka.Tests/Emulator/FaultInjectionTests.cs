using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Emulator;

/// <summary>The emulator's fault rules, driven over its /_emulator/ control plane as an offline runbook author would.</summary>
public sealed class FaultInjectionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly EmulatorClient client;

    public FaultInjectionTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Reset();
        client = new EmulatorClient(emulator.BaseUri, EmulatorFixture.Email, emulator.ApiKey);
    }

    private Task AddRuleAsync(string json) => client.JsonAsync(HttpMethod.Post, "_emulator/faults", json);

    private static string Create(string name) =>
        $"{{\"name\":\"{name}\",\"cluster_id\":\"{EmulatorOptions.DemoClusterId}\",\"properties\":{{\"connector.class\":\"x\"}}}}";

    [Fact]
    public async Task A_status_rule_answers_the_next_N_matches_with_its_status_body_shape_and_Retry_After()
    {
        await AddRuleAsync("{\"kind\":\"Status\",\"method\":\"GET\",\"path\":\"/v2/kafka/clusters\",\"status\":429,\"shape\":\"PlainText\",\"body\":\"slow down\",\"retryAfter\":\"3\",\"count\":2}");

        var first = await client.SendAsync(HttpMethod.Get, "v2/kafka/clusters");
        var second = await client.SendAsync(HttpMethod.Get, "v2/kafka/clusters");
        var third = await client.SendAsync(HttpMethod.Get, "v2/kafka/clusters");

        Assert.Equal((429, "slow down"), (first.Status, first.Body));
        Assert.Equal(TimeSpan.FromSeconds(3), first.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(429, second.Status);
        Assert.Equal(200, third.Status);
        Assert.Equal(new[] { "status 429", "status 429", null }, emulator.Server.Journal.Entries.Select(e => e.Fault));
    }

    [Fact]
    public async Task Drop_after_applies_the_change_but_loses_the_reply()
    {
        await AddRuleAsync("{\"kind\":\"DropAfter\",\"method\":\"POST\",\"path\":\"/v2/kafka/connector\"}");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(HttpMethod.Post, "v2/kafka/connector", Create("lost")));

        Assert.Equal(1, emulator.Server.Store.ConnectorCount("lost"));
    }

    [Fact]
    public async Task Drop_before_loses_the_request_without_applying_it()
    {
        await AddRuleAsync("{\"kind\":\"DropBefore\",\"method\":\"POST\",\"path\":\"/v2/kafka/*\"}");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(HttpMethod.Post, "v2/kafka/connector", Create("never")));

        Assert.Equal(0, emulator.Server.Store.ConnectorCount("never"));
    }

    [Fact]
    public async Task A_malformed_body_rule_applies_the_change_and_answers_200_with_its_body()
    {
        await AddRuleAsync("{\"kind\":\"MalformedBody\",\"method\":\"POST\",\"body\":\"{\\\"connector_id\\\":\"}");

        var reply = await client.SendAsync(HttpMethod.Post, "v2/kafka/connector", Create("garbled"));

        Assert.Equal((200, "{\"connector_id\":"), (reply.Status, reply.Body));
        Assert.Equal(1, emulator.Server.Store.ConnectorCount("garbled"));
    }

    [Fact]
    public async Task Probability_rules_with_the_same_seed_hit_the_same_requests()
    {
        async Task<string> RunAsync()
        {
            emulator.Server.Reset();
            await client.JsonAsync(HttpMethod.Post, "_emulator/faults/seed/42");
            await AddRuleAsync("{\"kind\":\"Status\",\"status\":503,\"count\":null,\"probability\":0.3}");
            var statuses = new List<int>();
            for (int i = 0; i < 40; i++)
            {
                statuses.Add((await client.SendAsync(HttpMethod.Get, "v2/kafka/clusters")).Status);
            }

            return string.Join(",", statuses);
        }

        string first = await RunAsync();
        string second = await RunAsync();

        Assert.Equal(first, second);
        int hits = first.Split(',').Count(s => s == "503");
        Assert.InRange(hits, 4, 24);
        JsonNode stats = await client.JsonAsync(HttpMethod.Get, "_emulator/faults");
        Assert.Equal(hits, (int)stats["total"]!);
    }

    [Fact]
    public async Task Reset_clears_rules_state_and_journal_and_seeding_adds_connectors_in_any_state()
    {
        JsonNode seeded = await client.JsonAsync(
            HttpMethod.Post,
            "_emulator/connectors",
            $"{{\"name\":\"seeded\",\"cluster_id\":\"{EmulatorOptions.DemoClusterId}\",\"properties\":{{\"connector.class\":\"x\"}},\"state\":\"failed\",\"state_error_message\":\"boom\"}}");
        Assert.Equal("failed", (string?)seeded["state"]);
        Assert.Equal("FAILED", (string?)seeded["connector_state"]);
        await AddRuleAsync("{\"kind\":\"Status\",\"status\":500,\"count\":null}");

        await client.JsonAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(200, (await client.SendAsync(HttpMethod.Get, "v2/kafka/clusters")).Status);
        Assert.Equal(0, emulator.Server.Store.ConnectorCount());
        Assert.Single(emulator.Server.Journal.Entries);
    }

    [Fact]
    public void The_injector_hits_only_matching_method_and_path()
    {
        var faults = new FaultInjector();
        faults.Add(new FaultRule { Method = "DELETE", Path = "/v2/kafka/connector/*", Count = null });

        Assert.Null(faults.Decide("GET", "/v2/kafka/connector/1"));
        Assert.Null(faults.Decide("DELETE", "/v2/kafka/connectors/1"));
        Assert.NotNull(faults.Decide("DELETE", "/v2/kafka/connector/1"));
    }

    public void Dispose() => client.Dispose();
}
