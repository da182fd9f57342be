using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>Tab completion of -TopicId and topic names from the API, through PowerShell's own TabExpansion2.</summary>
public sealed class TopicCompletionTests : EmulatorSessionTest
{
    private const string OtherCluster = "5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

    public TopicCompletionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private List<CompletionResult> Complete(string line)
    {
        RunResult result = Session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", new Dictionary<string, object?> { ["line"] = line });
        result.AssertNoErrors();
        return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
    }

    [Fact]
    public void TopicId_completes_from_a_typed_name_to_the_id_without_the_password()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");
        TopicSeed.Add(Emulator.Server, "refunds");

        CompletionResult match = Assert.Single(Complete("Remove-UpstashKafkaTopic -TopicId ord"));

        Assert.Equal(id, match.CompletionText);
        Assert.Equal($"orders ({id})", match.ListItemText);
        Assert.DoesNotContain(TopicSeed.ClusterPassword(Emulator.Server), match.ToolTip, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_completes_within_the_cluster_on_the_command_line_or_across_clusters()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        TopicSeed.Add(Emulator.Server, "orders-eu");
        TopicSeed.Add(Emulator.Server, "orders us", clusterId: OtherCluster);

        List<CompletionResult> inDemo = Complete($"Get-UpstashKafkaTopic -ClusterId {TopicSeed.DemoCluster} -Name ord");
        List<CompletionResult> everywhere = Complete("Get-UpstashKafkaTopic -Name ord");

        Assert.Equal(new[] { "orders-eu" }, inDemo.Select(c => c.CompletionText));
        Assert.Equal(new[] { "'orders us'", "orders-eu" }, everywhere.Select(c => c.CompletionText));
    }

    [Fact]
    public void A_typed_prefix_pattern_is_offered_back_first_then_the_names_it_matches()
    {
        TopicSeed.Add(Emulator.Server, "orders-eu");
        TopicSeed.Add(Emulator.Server, "orders-us");

        List<CompletionResult> offered = Complete("Get-UpstashKafkaTopic -Name orders-*");

        Assert.Equal(new[] { "orders-*", "orders-eu", "orders-us" }, offered.Select(c => c.ListItemText));
        Assert.Equal("orders-*", offered[0].CompletionText);
    }

    [Fact]
    public void The_name_completer_serves_a_credentials_Topic_parameter_with_the_clusters_topic_names()
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other");
        TopicSeed.Add(Emulator.Server, "payments");
        TopicSeed.Add(Emulator.Server, "payouts", clusterId: OtherCluster);

        List<CompletionResult> offered = Complete($"New-UpstashKafkaCredential -Name app -ClusterId {TopicSeed.DemoCluster} -Topic pay");

        Assert.Equal(new[] { "payments" }, offered.Select(c => c.CompletionText));
    }
}
