using System.Management.Automation;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

public sealed class NewTopicTests : EmulatorSessionTest
{
    private const string CreatePath = "/v2/kafka/topic";
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.NewUpstashKafkaTopicCommand";

    public NewTopicTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private EmulatorServer Server => Emulator.Server;

    private int Posts => Server.Journal.Count("POST", CreatePath);

    private JsonObject SentBody => JsonNode.Parse(Server.Journal.Entries.First(e => e.Method == "POST" && e.Path == CreatePath).Body)!.AsObject();

    private RunResult New(string arguments) =>
        Session.Run("New-UpstashKafkaTopic -ClusterId $c " + arguments, new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster });

    [Fact]
    public void Defaults_send_one_partition_delete_and_minus_one_for_the_three_limits()
    {
        dynamic topic = New("-Name events").SingleOf("KafkaTopic");

        JsonObject sent = SentBody;
        Assert.Equal("events", (string?)sent["name"]);
        Assert.Equal(TopicSeed.DemoCluster, (string?)sent["cluster_id"]);
        Assert.Equal(1, (int)sent["partitions"]!);
        Assert.Equal(-1, (long)sent["retention_time"]!);
        Assert.Equal(-1, (long)sent["retention_size"]!);
        Assert.Equal(-1, (long)sent["max_message_size"]!);
        Assert.Equal("delete", (string?)sent["cleanup_policy"]);
        Assert.Equal(TimeSpan.FromDays(7), (TimeSpan)topic.RetentionTime);
        Assert.Equal(TopicSeed.Gigabyte, (long)topic.RetentionSize);
        Assert.Equal(1, Posts);
    }

    [Fact]
    public void A_TimeSpan_goes_as_milliseconds_and_PowerShell_size_suffixes_as_bytes()
    {
        dynamic topic = New("-Name clicks -Partitions 6 -RetentionTime ([timespan]::FromHours(73)) -RetentionSize 512MB -MaxMessageSize 256KB -CleanupPolicy Compact").SingleOf("KafkaTopic");

        JsonObject sent = SentBody;
        Assert.Equal(6, (int)sent["partitions"]!);
        Assert.Equal((long)TimeSpan.FromHours(73).TotalMilliseconds, (long)sent["retention_time"]!);
        Assert.Equal(512L * 1024 * 1024, (long)sent["retention_size"]!);
        Assert.Equal(256L * 1024, (long)sent["max_message_size"]!);
        Assert.Equal("compact", (string?)sent["cleanup_policy"]);
        Assert.Equal(TimeSpan.FromHours(73), (TimeSpan)topic.RetentionTime);
        Assert.Equal("compact", (string)topic.CleanupPolicy);
    }

    [Fact]
    public void Minus_one_as_a_retention_time_is_the_clusters_highest()
    {
        New("-Name a -RetentionTime -1").AssertNoErrors();

        Assert.Equal(-1, (long)SentBody["retention_time"]!);
    }

    [Theory]
    [InlineData("-RetentionTime 604800000", "ParameterArgumentTransformationError", "ticks of 100 ns")]
    [InlineData("-RetentionTime 0", "ParameterArgumentTransformationError", "not a retention time")]
    [InlineData("-RetentionTime '7'", "ParameterArgumentTransformationError", "not a retention time")]
    [InlineData("-RetentionTime '00:00:00'", "ParameterArgumentValidationError", "at least one millisecond")]
    [InlineData("-RetentionSize 0", "ParameterArgumentValidationError", "10GB works")]
    [InlineData("-MaxMessageSize -5", "ParameterArgumentValidationError", "-1 for the highest")]
    [InlineData("-Partitions 0", "ParameterArgumentValidationError", "")]
    [InlineData("-CleanupPolicy archive", "ParameterArgumentValidationError", "")]
    public void Values_that_cannot_work_fail_at_binding_and_send_nothing(string arguments, string errorId, string says)
    {
        RunResult result = New("-Name bad " + arguments);

        ErrorRecord error = Assert.Single(result.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(says, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Journal.Entries);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_names_the_topic_and_its_settings()
    {
        RunResult result = New("-Name events -Partitions 2 -WhatIf");

        result.AssertNoErrors();
        Assert.Empty(Server.Journal.Entries);
        Assert.Contains("topic 'events' in cluster " + TopicSeed.DemoCluster + " (partitions 2, retention time the cluster's highest", result.HostOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_the_cluster_has_is_ResourceExists_and_sent_once()
    {
        TopicSeed.Add(Server, "events");

        ErrorRecord error = Assert.Single(New("-Name events").Errors);

        Assert.Equal("NewTopicConflict" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal(1, Posts);
    }

    [Fact]
    public void Rows_bind_by_property_name_and_a_topic_can_be_copied_under_a_new_name()
    {
        RunResult result = Session.Run(
            """
            @([pscustomobject]@{ Name = 'audit-eu'; ClusterId = $c; Partitions = 2; CleanupPolicy = 'compact' },
              [pscustomobject]@{ Name = 'audit-us'; ClusterId = $c; Partitions = 3 }) | New-UpstashKafkaTopic
            Get-UpstashKafkaTopic -Name audit-eu | New-UpstashKafkaTopic -Name audit-copy
            """,
            new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster });

        result.AssertNoErrors();
        List<dynamic> topics = result.AllOf("KafkaTopic");
        Assert.Equal(new[] { "audit-eu", "audit-us", "audit-copy" }, topics.Select(t => (string)t.Name));
        Assert.Equal(new[] { 2, 3, 2 }, topics.Select(t => (int)t.Partitions));
        Assert.Equal("compact", (string)topics[2].CleanupPolicy);
    }

    [Fact]
    public void A_lost_reply_is_recovered_from_the_clusters_topics_not_created_again()
    {
        Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = CreatePath });

        RunResult result = New("-Name events -Verbose");

        result.AssertNoErrors();
        Assert.Equal("events", (string)result.SingleOf("KafkaTopic").Name);
        Assert.Equal(1, Server.Store.TopicCount(name: "events"));
        Assert.Equal(1, Posts);
        Assert.Contains(result.Warnings, w => w.Contains("Topic 'events' was created, but the reply was lost", StringComparison.Ordinal));
    }

    [Fact]
    public void A_topic_of_that_name_that_was_there_before_is_not_taken_for_the_one_created()
    {
        Server.Store.Clock.Advance(TimeSpan.FromHours(-2));
        TopicSeed.Add(Server, "events");
        Server.Store.Clock.Advance(TimeSpan.FromHours(2));
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 502, Method = "POST", Path = CreatePath });

        ErrorRecord error = Assert.Single(New("-Name events").Errors);

        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("did not create", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Store.TopicCount(name: "events"));
    }

    [Fact]
    public void Many_creates_through_lost_replies_resets_and_502s_leave_exactly_one_topic_each_reported_once()
    {
        Server.Faults.Seed(11);
        Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });
        Server.Faults.Add(new FaultRule { Kind = FaultKind.DropBefore, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });
        Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, Status = 502, Method = "POST", Path = CreatePath, Count = null, Probability = 0.2 });

        RunResult result = Session.Run(
            "1..30 | ForEach-Object { [pscustomobject]@{ Name = \"t$_\"; ClusterId = $c } } | New-UpstashKafkaTopic -MaxRetry 8 -WarningAction SilentlyContinue",
            new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster });

        result.AssertNoErrors();
        Assert.True(Server.Faults.TotalInjected >= 8, $"only {Server.Faults.TotalInjected} faults were injected");
        Assert.Equal(Enumerable.Range(1, 30).Select(i => "t" + i), result.TopicNames());
        Assert.Equal(30, Server.Store.TopicCount());
    }
}
