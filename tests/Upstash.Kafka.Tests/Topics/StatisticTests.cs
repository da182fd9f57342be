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

        dynamic statistic = Session.Run($"Get-UpstashKafkaTopicStatistic -TopicId {id}").SingleOf("KafkaTopicStatistic");
        List<dynamic> throughput = TopicObjects.Points(statistic.Throughput), disk = TopicObjects.Points(statistic.DiskUsage);
        List<dynamic> produce = TopicObjects.Points(statistic.ProduceThroughput), consume = TopicObjects.Points(statistic.ConsumeThroughput);

        Assert.Equal(id, (string)statistic.TopicId);
        Assert.Equal(12, throughput.Count);
        Assert.Equal(12, disk.Count);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Assert.All(throughput.Concat(disk), p => Assert.InRange((DateTimeOffset)p.Time, now.AddHours(-2), now.AddMinutes(1)));
        Assert.Equal(throughput.Select(p => (DateTimeOffset)p.Time), disk.Select(p => (DateTimeOffset)p.Time));
        Assert.Equal(throughput.Select(p => (DateTimeOffset)p.Time).Order(), throughput.Select(p => (DateTimeOffset)p.Time));
        Assert.All(Enumerable.Range(0, 12), i => Assert.Equal((double)throughput[i].Value, (double)produce[i].Value + (double)consume[i].Value));
        Assert.NotNull((double?)statistic.TotalMonthlyProduce);
        Assert.NotNull((double?)statistic.TotalMonthlyStorage);
    }

    [Fact]
    public void A_clusters_statistics_have_daily_series_named_by_day_and_the_months_totals()
    {
        TopicSeed.Add(Emulator.Server, "orders", partitions: 3);

        dynamic statistic = Session.Run("Get-UpstashKafkaClusterStatistic -ClusterId $c", new Dictionary<string, object?> { ["c"] = TopicSeed.DemoCluster }).SingleOf("KafkaClusterStatistic");
        List<dynamic> daily = TopicObjects.Points(statistic.DailyProduce);
        string[] days = statistic.Days;

        Assert.Equal(TopicSeed.DemoCluster, (string)statistic.ClusterId);
        Assert.Equal(7, days.Length);
        Assert.Equal(7, daily.Count);
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date, ((DateTimeOffset)daily[^1].Time).UtcDateTime);
        Assert.Equal(DateTimeOffset.UtcNow.DayOfWeek.ToString(), days[^1]);
        Assert.NotNull((double?)statistic.TotalMonthlyBilling);
        Assert.Equal(12, TopicObjects.Points(statistic.Throughput).Count);
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
        clusters.SingleOf("KafkaClusterStatistic");
        ErrorRecord error = Assert.Single(clusters.Errors);
        Assert.Equal("GetClusterStatisticNotFound,Upstash.Kafka.Cmdlets.GetUpstashKafkaClusterStatisticCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
