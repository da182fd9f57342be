using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

public sealed class GetTopicTests : EmulatorSessionTest
{
    private const string OtherCluster = "5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    private const string FullyQualified = ",Upstash.Kafka.Cmdlets.GetUpstashKafkaTopicCommand";

    public GetTopicTests(EmulatorFixture emulator)
        : base(emulator)
    {
        Emulator.Server.Store.AddCluster(OtherCluster, "other-cluster");
    }

    private RunResult Run(string script) =>
        Session.Run(script, new Dictionary<string, object?> { ["demo"] = TopicSeed.DemoCluster, ["other"] = OtherCluster });

    [Fact]
    public void A_topic_read_by_id_has_every_field_typed()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders", partitions: 3, cleanupPolicy: "compact");

        dynamic topic = Run($"Get-UpstashKafkaTopic -TopicId {id}").SingleOf("KafkaTopic");

        Assert.Equal(id, (string)topic.TopicId);
        Assert.Equal("orders", (string)topic.Name);
        Assert.Equal(TopicSeed.DemoCluster, (string)topic.ClusterId);
        Assert.Equal(3, (int)topic.Partitions);
        Assert.Equal(TimeSpan.FromDays(7), (TimeSpan)topic.RetentionTime);
        Assert.Equal(TopicSeed.Gigabyte, (long)topic.RetentionSize);
        Assert.Equal(TopicSeed.Megabyte, (long)topic.MaxMessageSize);
        Assert.Equal("compact", (string)topic.CleanupPolicy);
        Assert.Equal("eu-west-1", (string)topic.Region);
        Assert.Equal("active", (string)topic.State);
        Assert.False((bool)topic.Multizone);
        Assert.Equal("demo-cluster-kafka.upstash.io", (string)topic.TcpEndpoint);
        Assert.True((DateTimeOffset)topic.CreationTime > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("orders", (string)topic.ToString());
    }

    [Fact]
    public void The_password_is_only_a_SecureString_in_the_Credential_and_never_text()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");
        string password = TopicSeed.ClusterPassword(Emulator.Server);

        RunResult shown = Session.Run(
            """
            $t = Get-UpstashKafkaTopic -TopicId $id -Verbose -Debug
            $t
            $t | Out-Default
            $t.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }
            "$($t.Credential.Password)"
            """,
            new Dictionary<string, object?> { ["id"] = id });
        RunResult revealed = Run($"(Get-UpstashKafkaTopic -TopicId {id}).Credential.GetNetworkCredential().Password");

        shown.AssertNoErrors();
        dynamic topic = shown.Output[0].Of("KafkaTopic");
        Assert.Equal((string)topic.Username, (string)topic.Credential.UserName);
        Assert.Contains(shown.Debug, d => d.StartsWith("Response body: {\"topic_id\"", StringComparison.Ordinal));
        Assert.DoesNotContain(password, shown.AllText(), StringComparison.Ordinal);
        Assert.Equal(password, revealed.Output.Single().BaseObject);
    }

    [Fact]
    public void Lists_one_cluster_or_every_cluster_and_filters_names_with_wildcards()
    {
        TopicSeed.Add(Emulator.Server, "orders");
        TopicSeed.Add(Emulator.Server, "refunds");
        TopicSeed.Add(Emulator.Server, "orders-archive", clusterId: OtherCluster);

        Assert.Equal(new[] { "orders", "refunds" }, Run("Get-UpstashKafkaTopic -ClusterId $demo").TopicNames());
        Assert.Equal(new[] { "orders", "refunds", "orders-archive" }, Run("Get-UpstashKafkaTopic").TopicNames());
        Assert.Equal(new[] { "orders", "orders-archive" }, Run("Get-UpstashKafkaTopic -Name 'ORD*'").TopicNames());
        Assert.Equal(new[] { "orders-archive" }, Run("Get-UpstashKafkaTopic orders-archive").TopicNames());
    }

    [Fact]
    public void An_exact_name_that_matches_nothing_is_ObjectNotFound_and_a_wildcard_writes_nothing()
    {
        TopicSeed.Add(Emulator.Server, "orders");

        RunResult exact = Run("Get-UpstashKafkaTopic -Name nope, orders");
        RunResult wildcard = Run("Get-UpstashKafkaTopic -Name 'nope*'");

        Assert.Equal(new[] { "orders" }, exact.TopicNames());
        ErrorRecord error = Assert.Single(exact.Errors);
        Assert.Equal("TopicNameNotFound" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'nope'", error.Exception.Message, StringComparison.Ordinal);
        wildcard.AssertNoErrors();
        Assert.Empty(wildcard.Output);
    }

    [Fact]
    public void A_piped_cluster_selects_its_topics_and_its_own_name_never_filters_them()
    {
        TopicSeed.Add(Emulator.Server, "orders");
        TopicSeed.Add(Emulator.Server, "refunds");
        TopicSeed.Add(Emulator.Server, "elsewhere", clusterId: OtherCluster);

        RunResult result = Run("[pscustomobject]@{ ClusterId = $demo; Name = 'demo-cluster' } | Get-UpstashKafkaTopic");
        RunResult given = Run("Get-UpstashKafkaTopic -InputObject ([pscustomobject]@{ ClusterId = $demo; Name = 'demo-cluster' })");
        RunResult bare = Run("[pscustomobject]@{ Region = 'eu-west-1' } | Get-UpstashKafkaTopic");
        RunResult real = Run("Get-UpstashKafkaCluster -Name demo-cluster | Get-UpstashKafkaTopic");

        result.AssertNoErrors();
        real.AssertNoErrors();
        Assert.Equal(new[] { "orders", "refunds" }, result.TopicNames());
        Assert.Equal(new[] { "orders", "refunds" }, real.TopicNames());
        Assert.Equal(new[] { "orders", "refunds" }, given.TopicNames());
        Assert.Equal("InvalidTopicInput,Upstash.Kafka.Cmdlets.GetUpstashKafkaTopicCommand", Assert.Single(bare.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Piped_clusters_with_a_name_on_the_command_line_report_a_missing_name_once_not_per_cluster()
    {
        TopicSeed.Add(Emulator.Server, "orders");

        RunResult result = Run(
            "@([pscustomobject]@{ ClusterId = $demo; Name = 'demo-cluster' }, [pscustomobject]@{ ClusterId = $other; Name = 'other-cluster' }) | Get-UpstashKafkaTopic -Name orders, missing");

        Assert.Equal(new[] { "orders" }, result.TopicNames());
        Assert.Equal("missing", Assert.Single(result.Errors).TargetObject);
    }

    [Fact]
    public void A_piped_topic_is_read_again_by_its_id_and_a_piped_string_is_an_id()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");
        TopicSeed.Add(Emulator.Server, "orders", clusterId: OtherCluster);

        RunResult byObject = Run($"Get-UpstashKafkaTopic -TopicId {id} | Get-UpstashKafkaTopic");
        RunResult byString = Run($"'{id}' | Get-UpstashKafkaTopic");

        Assert.Equal(id, (string)byObject.SingleOf("KafkaTopic").TopicId);
        Assert.Equal(id, (string)byString.SingleOf("KafkaTopic").TopicId);
        Assert.Equal(3, Emulator.Server.Journal.Count("GET", "/v2/kafka/topic/" + id));
        Assert.Equal(0, Emulator.Server.Journal.Count("GET", "/v2/kafka/topics/"));
    }

    [Fact]
    public void Unknown_ids_and_clusters_are_ObjectNotFound_and_the_next_id_still_goes()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders");

        RunResult byId = Run($"Get-UpstashKafkaTopic -TopicId nope, {id}");
        RunResult byCluster = Run("Get-UpstashKafkaTopic -ClusterId no-such-cluster");

        Assert.Equal("orders", (string)byId.SingleOf("KafkaTopic").Name);
        Assert.Equal("GetTopicNotFound" + FullyQualified, Assert.Single(byId.Errors).FullyQualifiedErrorId);
        ErrorRecord error = Assert.Single(byCluster.Errors);
        Assert.Equal("ListTopicsNotFound" + FullyQualified, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
