using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>Get-UpstashKafkaTopicStatistic and Get-UpstashKafkaClusterStatistic against the emulator: typed points, totals as numbers.</summary>
public sealed class StatisticTests : EmulatorSessionTest
{
    public StatisticTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_topics_statistics_are_typed_points_in_time_order_read_from_both_time_formats()
    {
        string id = TopicSeed.Add(Emulator.Server, "orders", partitions: 3);

        KafkaTopicStatistic statistic = Session.Run($"Get-UpstashKafkaTopicStatistic -TopicId {id}").Single<KafkaTopicStatistic>();

        Assert.Equal(id, statistic.TopicId);
        Assert.Equal(12, statistic.Throughput.Length);
        Assert.Equal(12, statistic.DiskUsage.Length);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Assert.All(statistic.Throughput.Concat(statistic.DiskUsage), p => Assert.InRange(p.Time, now.AddHours(-2), now.AddMinutes(1)));
        Assert.Equal(statistic.Throughput.Select(p => p.Time), statistic.DiskUsage.Select(p => p.Time));
        Assert.Equal(statistic.Throughput.Select(p => p.Time).Order(), statistic.Throughput.Select(p => p.Time));
        Assert.All(statistic.Throughput.Zip(statistic.ProduceThroughput, statistic.ConsumeThroughput), t => Assert.Equal(t.First.Value, t.Second.Value + t.Third.Value));
        Assert.NotNull(statistic.TotalMonthlyProduce);
        Assert.NotNull(statistic.TotalMonthlyStorage);
    }

    [Fact]
    public void A_clusters_statistics_have_daily_series_named_by_day_and_the_months_totals()
    {
        TopicSeed.Add(Emulator.Server, "orders", partitions: 3);

        KafkaClusterStatistic statistic = Session.Run("Get-UpstashKafkaClusterStatistic -ClusterId $c", new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster }).Single<KafkaClusterStatistic>();

        Assert.Equal(TopicSeed.DemoCluster, statistic.ClusterId);
        Assert.Equal(7, statistic.Days.Length);
        Assert.Equal(7, statistic.DailyProduce.Length);
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date, statistic.DailyProduce[^1].Time.UtcDateTime);
        Assert.Equal(DateTimeOffset.UtcNow.DayOfWeek.ToString(), statistic.Days[^1]);
        Assert.NotNull(statistic.TotalMonthlyBilling);
        Assert.Equal(12, statistic.Throughput.Length);
    }

    [Fact]
    public void Topics_and_clusters_bind_by_property_name_and_unknown_ids_are_ObjectNotFound()
    {
        TopicSeed.Add(Emulator.Server, "orders");
        TopicSeed.Add(Emulator.Server, "refunds");

        RunResult topics = Session.Run("Get-UpstashKafkaTopic | Get-UpstashKafkaTopicStatistic");
        RunResult clusters = Session.Run("[pscustomobject]@{ ClusterId = $c; Name = 'demo-cluster' }, [pscustomobject]@{ ClusterId = 'nope' } | Get-UpstashKafkaClusterStatistic", new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster });

        topics.AssertNoErrors();
        Assert.Equal(2, topics.Output.Count);
        Assert.IsType<KafkaClusterStatistic>(Assert.Single(clusters.Output).BaseObject);
        ErrorRecord error = Assert.Single(clusters.Errors);
        Assert.Equal("GetClusterStatisticNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaClusterStatisticCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
