using System.Management.Automation;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

public sealed class RemoveTopicTests : EmulatorSessionTest
{
    public RemoveTopicTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Piped_topics_are_removed_with_Force_and_nothing_else()
    {
        TopicSeed.Add(Emulator.Server, "tmp-1");
        TopicSeed.Add(Emulator.Server, "tmp-2");
        TopicSeed.Add(Emulator.Server, "orders");

        RunResult result = Session.Run("Get-UpstashKafkaTopic -Name 'tmp-*' | Remove-UpstashKafkaTopic -Force");

        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Equal(1, Emulator.Server.Store.TopicCount());
        Assert.Equal(1, Emulator.Server.Store.TopicCount(name: "orders"));
        Assert.Empty(Session.Host.Prompts);
    }

    [Fact]
    public void Without_Force_it_asks_naming_the_topic_and_a_no_sends_nothing()
    {
        TopicSeed.Add(Emulator.Server, "orders");
        Session.Host.ChoiceAnswers.Enqueue(2);

        RunResult result = Session.Run("Get-UpstashKafkaTopic -Name orders | Remove-UpstashKafkaTopic");

        result.AssertNoErrors();
        Assert.Contains(Session.Host.Prompts, p => p.Contains("Remove Kafka topic and all its messages", StringComparison.Ordinal) && p.Contains("topic 'orders'", StringComparison.Ordinal));
        Assert.Equal(1, Emulator.Server.Store.TopicCount());
        Assert.Equal(0, Emulator.Server.Journal.Count("DELETE", "/v2/kafka/topic/"));
    }

    [Fact]
    public void Confirm_asks_even_with_Force_and_a_yes_removes()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");
        Session.Host.ChoiceAnswers.Enqueue(0);

        RunResult result = Session.Run($"Remove-UpstashKafkaTopic -TopicId {id} -Force -Confirm");

        result.AssertNoErrors();
        Assert.Single(Session.Host.Prompts);
        Assert.Equal(0, Emulator.Server.Store.TopicCount());
    }

    [Fact]
    public void WhatIf_wins_over_Force_and_names_the_topic()
    {
        TopicSeed.Add(Emulator.Server, "orders");

        RunResult result = Session.Run("Get-UpstashKafkaTopic -Name orders | Remove-UpstashKafkaTopic -Force -WhatIf");

        result.AssertNoErrors();
        Assert.Contains("Remove Kafka topic and all its messages\" on target \"topic 'orders'", result.HostOutput, StringComparison.Ordinal);
        Assert.Equal(1, Emulator.Server.Store.TopicCount());
        Assert.Equal(0, Emulator.Server.Journal.Count("DELETE", "/v2/kafka/topic/"));
    }

    [Fact]
    public void An_unknown_id_is_ObjectNotFound_and_the_next_one_is_still_removed()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");

        RunResult result = Session.Run($"'nope', '{id}' | Remove-UpstashKafkaTopic -Force");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("RemoveTopicNotFound,Upstash.Kafka.Cmdlets.RemoveUpstashKafkaTopicCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(0, Emulator.Server.Store.TopicCount());
    }

    [Fact]
    public void A_delete_whose_reply_was_lost_is_repeated_and_the_404_it_then_gets_means_done()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");
        Emulator.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropAfter, Method = "DELETE", Path = "/v2/kafka/topic/*" });

        RunResult result = Session.Run($"Remove-UpstashKafkaTopic -TopicId {id} -Force -Verbose");

        result.AssertNoErrors();
        Assert.Equal(2, Emulator.Server.Journal.Count("DELETE", "/v2/kafka/topic/"));
        Assert.Equal(0, Emulator.Server.Store.TopicCount());
        Assert.Contains(result.Verbose, v => v.Contains("that attempt must have done it", StringComparison.Ordinal));
    }
}
