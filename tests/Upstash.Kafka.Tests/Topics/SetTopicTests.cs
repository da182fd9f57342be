using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

public sealed class SetTopicTests : EmulatorSessionTest
{
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.SetUpstashKafkaTopicCommand";
    private readonly string id;

    public SetTopicTests(EmulatorFixture emulator)
        : base(emulator)
    {
        id = TopicSeed.Add(Emulator.Server, "orders", partitions: 4);
    }

    private IReadOnlyList<JournalEntry> Updates => Emulator.Server.Journal.Entries.Where(e => e.Method == "POST" && e.Path == "/v2/kafka/update-topic/" + id).ToList();

    private JsonObject SentBody => JsonNode.Parse(Assert.Single(Updates).Body)!.AsObject();

    private RunResult Set(string arguments) => Session.Run("Set-UpstashKafkaTopic -TopicId $id " + arguments, new Dictionary<string, object?> { ["id"] = id });

    [Fact]
    public void Posts_all_four_values_filling_what_was_not_given_from_the_topic()
    {
        dynamic topic = Set("-Partitions 6 -PassThru").SingleOf("KafkaTopic");

        JsonObject sent = SentBody;
        Assert.Equal(6, (int)sent["partitions"]!);
        Assert.Equal(TopicSeed.Week, (long)sent["retention_time"]!);
        Assert.Equal(TopicSeed.Gigabyte, (long)sent["retention_size"]!);
        Assert.Equal(TopicSeed.Megabyte, (long)sent["max_message_size"]!);
        Assert.Equal(4, sent.Count);
        Assert.Equal(6, (int)topic.Partitions);
        Assert.Equal("GET", Emulator.Server.Journal.Entries[0].Method);
    }

    [Fact]
    public void A_TimeSpan_and_sizes_are_sent_as_the_API_units()
    {
        Set("-RetentionTime ([timespan]::FromHours(12)) -RetentionSize 100MB -MaxMessageSize 512KB").AssertNoErrors();

        JsonObject sent = SentBody;
        Assert.Equal(43200000, (long)sent["retention_time"]!);
        Assert.Equal(100L * 1024 * 1024, (long)sent["retention_size"]!);
        Assert.Equal(512L * 1024, (long)sent["max_message_size"]!);
        Assert.Equal(4, (int)sent["partitions"]!);
        Assert.Equal(43200000, TopicSeed.Find(Emulator.Server, id).RetentionTime);
    }

    [Fact]
    public void Minus_one_is_resolved_from_the_clusters_limits_and_sent_as_a_number()
    {
        Set("-RetentionSize 100MB").AssertNoErrors();
        Emulator.Server.Journal.Clear();

        Set("-RetentionSize -1 -RetentionTime -1").AssertNoErrors();

        Assert.Equal(1, Emulator.Server.Journal.Count("GET", "/v2/kafka/cluster/" + TopicSeed.DemoCluster));
        Assert.Equal(TopicSeed.Gigabyte, (long)SentBody["retention_size"]!);
        Assert.Equal(TopicSeed.Week, (long)SentBody["retention_time"]!);
    }

    [Fact]
    public void Fewer_partitions_than_now_is_refused_before_anything_is_posted_naming_the_current_count()
    {
        RunResult result = Set("-Partitions 2 -RetentionSize 1MB");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("TopicPartitionsCannotShrink" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("has 4 partitions", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Updates);
        Assert.Equal(TopicSeed.Gigabyte, TopicSeed.Find(Emulator.Server, id).RetentionSize);
    }

    [Fact]
    public void Nothing_to_change_posts_nothing_and_PassThru_still_writes_the_topic()
    {
        RunResult result = Set("-Partitions 4 -RetentionTime 7.00:00:00 -PassThru -Verbose");

        result.AssertNoErrors();
        Assert.Empty(Updates);
        Assert.Equal(4, (int)result.SingleOf("KafkaTopic").Partitions);
        Assert.Contains(result.Verbose, v => v.Contains("nothing was sent", StringComparison.Ordinal));
    }

    [Fact]
    public void No_setting_at_all_is_an_error_before_anything_is_sent()
    {
        ErrorRecord error = Assert.Single(Set(string.Empty).Errors);

        Assert.Equal("NoTopicChange" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Empty(Emulator.Server.Journal.Entries);
    }

    [Fact]
    public void WhatIf_sends_nothing_not_even_the_read()
    {
        RunResult result = Set("-Partitions 8 -RetentionSize -1 -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(Emulator.Server.Journal.Entries);
        Assert.Contains("Reconfigure Kafka topic: partitions 8, retention size the cluster's highest", result.HostOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_topics_are_reconfigured_by_id_with_their_settings_not_taken_from_the_pipeline()
    {
        string other = TopicSeed.Add(Emulator.Server, "orders-eu", partitions: 1);

        RunResult result = Session.Run("Get-UpstashKafkaTopic -Name 'orders*' | Set-UpstashKafkaTopic -Partitions 5 -PassThru");

        result.AssertNoErrors();
        Assert.Equal(new[] { 5, 5 }, result.AllOf("KafkaTopic").Select(t => (int)t.Partitions));
        Assert.Equal(5, TopicSeed.Find(Emulator.Server, other).Partitions);
    }

    [Fact]
    public void A_lost_reply_of_a_reconfigure_is_safe_to_repeat_and_repeated()
    {
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = "/v2/kafka/update-topic/*" });

        RunResult result = Set("-Partitions 5 -PassThru");

        result.AssertNoErrors();
        Assert.Equal(2, Updates.Count);
        Assert.Equal(5, (int)result.SingleOf("KafkaTopic").Partitions);
    }

    [Fact]
    public void The_services_refusal_keeps_its_reason_and_an_unknown_topic_is_ObjectNotFound()
    {
        RunResult tooMany = Set("-Partitions 500");
        RunResult unknown = Session.Run("Set-UpstashKafkaTopic -TopicId nope -Partitions 5");

        ErrorRecord refused = Assert.Single(tooMany.Errors);
        Assert.Equal("SetTopicBadRequest" + FullyQualified, refused.FullyQualifiedErrorId);
        Assert.Contains("partition limit exceeded", refused.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(unknown.Errors).CategoryInfo.Category);
    }
}
