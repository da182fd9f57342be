using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>What the statistics endpoints could send, from a fixed reply: both time formats of the contract, and points that are not points.</summary>
public sealed class StatisticTimeFormatTests
{
    private static RunResult Read(string body, string cmdlet = "Get-UpstashKafkaTopicStatistic -TopicId t1")
    {
        using var server = new FixedReplyServer(FixedReplyServer.Response(200, "OK", "application/json", body));
        using var session = new ModuleSession();
        session.Connect(new PSCredential("x@example.com", new System.Net.NetworkCredential(string.Empty, "some-api-key-1234").SecurePassword), server.BaseUri);
        return session.Run(cmdlet + " -MaxRetry 0");
    }

    [Theory]
    [InlineData("2022-02-07 11:30:28", "2022-02-07T11:30:28.0000000+00:00")]
    [InlineData("2022-02-07 11:30:28.937259962 +0000 UTC", "2022-02-07T11:30:28.9372599+00:00")]
    [InlineData("2022-02-07 11:30:28.5 +0100 CET", "2022-02-07T11:30:28.5000000+01:00")]
    [InlineData("2022-02-07T11:30:28Z", "2022-02-07T11:30:28.0000000+00:00")]
    public void Both_time_formats_of_the_contract_parse_to_the_same_instant_a_person_reads(string time, string expected)
    {
        RunResult result = Read($$"""{"throughput":[{"x":"{{time}}","y":12.5}],"total_monthly_produce":"42"}""");

        dynamic statistic = result.SingleOf("KafkaTopicStatistic");
        dynamic point = Assert.Single(TopicObjects.Points(statistic.Throughput));
        DateTimeOffset wanted = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(wanted, (DateTimeOffset)point.Time);
        Assert.Equal(wanted.Offset, ((DateTimeOffset)point.Time).Offset);
        Assert.Equal(12.5, (double)point.Value);
        Assert.Equal(42, (double)statistic.TotalMonthlyProduce);
        Assert.Empty(TopicObjects.Points(statistic.DiskUsage));
    }

    [Theory]
    [InlineData("""{"throughput":[{"x":"yesterday","y":1}]}""", "throughput[0].x")]
    [InlineData("""{"throughput":[{"x":"2022-02-07 11:30:28","y":"lots"}]}""", "throughput[0].y")]
    [InlineData("""{"throughput":{"x":"2022-02-07 11:30:28","y":1}}""", "throughput")]
    [InlineData("""[1,2]""", "not a statistics object")]
    public void A_point_that_cannot_be_read_is_an_InvalidResult_naming_the_field(string body, string named)
    {
        ErrorRecord error = Assert.Single(Read(body).Errors);

        Assert.Equal("GetTopicStatisticInvalidResponse,Upstash.Kafka.Cmdlets.GetUpstashKafkaTopicStatisticCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains(named, error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_cluster_statistics_fields_are_kept_and_days_read_as_names()
    {
        dynamic statistic = Read(
            """{"days":["Monday","Tuesday"],"dailyproduce":[{"x":"2022-02-07 00:00:00.000000000 +0000 UTC","y":10},{"x":"2022-02-08 00:00:00 ","y":20}],"partitions_used":7}""",
            "Get-UpstashKafkaClusterStatistic -ClusterId c1").SingleOf("KafkaClusterStatistic");

        Assert.Equal(new[] { "Monday", "Tuesday" }, (string[])statistic.Days);
        Assert.Equal(new[] { 10.0, 20.0 }, ((List<dynamic>)TopicObjects.Points(statistic.DailyProduce)).Select(p => (double)p.Value));
        Assert.Equal("7", (string)statistic.AdditionalFields["partitions_used"]);
    }
}
