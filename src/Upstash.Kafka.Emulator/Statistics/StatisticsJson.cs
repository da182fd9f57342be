using System.Globalization;
using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.Http;

/// <summary>
/// Plausible statistics: every value is derived from the topic's id and the point's time, so two reads in the same
/// minute agree, and a cluster's series are the sums of its topics'. Point times come in both of the contract's
/// formats: the five-minute series as "2022-02-07 11:30:28", disk usage and the daily series as Go prints a time,
/// "2022-02-07 11:30:28.937259962 +0000 UTC".
/// </summary>
public static class StatisticsJson
{
    private const int Points = 12;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public static JsonObject OfTopic(TopicRecord topic, DateTimeOffset now)
    {
        DateTimeOffset[] times = Times(now);
        var json = Series(new[] { topic }, times);
        json["total_monthly_storage"] = DiskUsage(topic, now);
        json["total_monthly_produce"] = Monthly(topic, "produce");
        json["total_monthly_consume"] = Monthly(topic, "consume");
        return json;
    }

    public static JsonObject OfCluster(IReadOnlyList<TopicRecord> topics, DateTimeOffset now)
    {
        JsonObject json = Series(topics, Times(now));
        DateTimeOffset today = new(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset[] days = Enumerable.Range(0, 7).Select(i => today.AddDays(i - 6)).ToArray();
        json["days"] = new JsonArray(days.Select(d => (JsonNode)JsonValue.Create(d.DayOfWeek.ToString())!).ToArray());
        json["dailyproduce"] = new JsonArray(days.Select(d => (JsonNode)Point(GoTime(d), topics.Sum(t => Value(t, "day-produce", d) * 1000))).ToArray());
        json["dailyconsume"] = new JsonArray(days.Select(d => (JsonNode)Point(GoTime(d), topics.Sum(t => Value(t, "day-consume", d) * 1000))).ToArray());
        json["total_monthly_storage"] = topics.Sum(t => DiskUsage(t, now));
        json["total_monthly_billing"] = Math.Round(topics.Sum(t => Monthly(t, "produce") + Monthly(t, "consume")) * 0.000002, 2);
        json["total_monthly_produce"] = topics.Sum(t => Monthly(t, "produce"));
        json["total_monthly_consume"] = topics.Sum(t => Monthly(t, "consume"));
        return json;
    }

    private static JsonObject Series(IReadOnlyList<TopicRecord> topics, DateTimeOffset[] times) => new()
    {
        ["throughput"] = new JsonArray(times.Select(at => (JsonNode)Point(PlainTime(at), topics.Sum(t => Value(t, "produce", at) + Value(t, "consume", at)))).ToArray()),
        ["produce_throughput"] = new JsonArray(times.Select(at => (JsonNode)Point(PlainTime(at), topics.Sum(t => Value(t, "produce", at)))).ToArray()),
        ["consume_throughput"] = new JsonArray(times.Select(at => (JsonNode)Point(PlainTime(at), topics.Sum(t => Value(t, "consume", at)))).ToArray()),
        ["diskusage"] = new JsonArray(times.Select(at => (JsonNode)Point(GoTime(at), topics.Sum(t => DiskUsage(t, at)))).ToArray()),
    };

    /// <summary>The last twelve five-minute marks, oldest first.</summary>
    private static DateTimeOffset[] Times(DateTimeOffset now)
    {
        long mark = now.UtcTicks - (now.UtcTicks % Step.Ticks);
        return Enumerable.Range(0, Points).Select(i => new DateTimeOffset(mark, TimeSpan.Zero) - (Step * (Points - 1 - i))).ToArray();
    }

    /// <summary>Messages per second, more for topics with more partitions; the same for the same topic, series and time.</summary>
    private static long Value(TopicRecord topic, string series, DateTimeOffset at)
    {
        int seed = StableHash(topic.TopicId + "|" + series + "|" + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return new Random(seed).Next(0, 20 * topic.Partitions + 1);
    }

    /// <summary>Bytes on disk: grows with the topic's age, never past its retention size.</summary>
    private static long DiskUsage(TopicRecord topic, DateTimeOffset at)
    {
        long age = Math.Max(0, at.ToUnixTimeSeconds() - topic.CreationTime);
        long grown = (StableHash(topic.TopicId) % 4096) + (age * 64 * topic.Partitions);
        return Math.Min(grown, topic.RetentionSize);
    }

    private static long Monthly(TopicRecord topic, string series) => (StableHash(topic.TopicId + series) % 100000) * topic.Partitions;

    private static JsonObject Point(string time, double value) => new JsonObject { ["x"] = time, ["y"] = value };

    private static string PlainTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Go's default time format: nanoseconds, offset and zone name.</summary>
    private static string GoTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00 +0000 UTC";

    /// <summary>string.GetHashCode differs per process; statistics must not.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash & int.MaxValue;
        }
    }
}
