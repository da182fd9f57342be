using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>GET /v2/kafka/stats/cluster/{id} and /v2/kafka/stats/topic/{id}, read into typed series.</summary>
    internal sealed class StatisticApi
    {
        private static readonly HashSet<string> SeriesFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "throughput", "produce_throughput", "consume_throughput", "diskusage",
            "total_monthly_storage", "total_monthly_produce", "total_monthly_consume",
        };

        private static readonly HashSet<string> ClusterFields = new HashSet<string>(SeriesFields, StringComparer.Ordinal)
        {
            "days", "dailyproduce", "dailyconsume", "total_monthly_billing",
        };

        private readonly UpstashApiClient client;

        public StatisticApi(UpstashApiClient client)
        {
            this.client = client;
        }

        public async Task<KafkaTopicStatistic> TopicAsync(string topicId, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/stats/topic/" + Uri.EscapeDataString(topicId), $"Reading the statistics of topic {topicId}");
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            return Read(call, () =>
            {
                JObject obj = StatisticReader.Object(reply);
                return new KafkaTopicStatistic
                {
                    TopicId = topicId,
                    Throughput = StatisticReader.Series(obj, "throughput"),
                    ProduceThroughput = StatisticReader.Series(obj, "produce_throughput"),
                    ConsumeThroughput = StatisticReader.Series(obj, "consume_throughput"),
                    DiskUsage = StatisticReader.Series(obj, "diskusage"),
                    TotalMonthlyStorage = StatisticReader.Total(obj, "total_monthly_storage"),
                    TotalMonthlyProduce = StatisticReader.Total(obj, "total_monthly_produce"),
                    TotalMonthlyConsume = StatisticReader.Total(obj, "total_monthly_consume"),
                    AdditionalFields = StatisticReader.Unknown(obj, SeriesFields),
                };
            });
        }

        public async Task<KafkaClusterStatistic> ClusterAsync(string clusterId, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/stats/cluster/" + Uri.EscapeDataString(clusterId), $"Reading the statistics of cluster {clusterId}");
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            return Read(call, () =>
            {
                JObject obj = StatisticReader.Object(reply);
                return new KafkaClusterStatistic
                {
                    ClusterId = clusterId,
                    Throughput = StatisticReader.Series(obj, "throughput"),
                    ProduceThroughput = StatisticReader.Series(obj, "produce_throughput"),
                    ConsumeThroughput = StatisticReader.Series(obj, "consume_throughput"),
                    DiskUsage = StatisticReader.Series(obj, "diskusage"),
                    Days = StatisticReader.Strings(obj, "days"),
                    DailyProduce = StatisticReader.Series(obj, "dailyproduce"),
                    DailyConsume = StatisticReader.Series(obj, "dailyconsume"),
                    TotalMonthlyStorage = StatisticReader.Total(obj, "total_monthly_storage"),
                    TotalMonthlyBilling = StatisticReader.Total(obj, "total_monthly_billing"),
                    TotalMonthlyProduce = StatisticReader.Total(obj, "total_monthly_produce"),
                    TotalMonthlyConsume = StatisticReader.Total(obj, "total_monthly_consume"),
                    AdditionalFields = StatisticReader.Unknown(obj, ClusterFields),
                };
            });
        }

        private static T Read<T>(ApiCall call, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (ReplyShapeException ex)
            {
                throw UpstashApiClient.InvalidReply(call, ex.Message);
            }
        }
    }
}
