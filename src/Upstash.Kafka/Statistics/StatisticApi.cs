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
            return Read(call, () => Fill(new KafkaTopicStatistic { TopicId = topicId }, StatisticReader.Object(reply), SeriesFields));
        }

        public async Task<KafkaClusterStatistic> ClusterAsync(string clusterId, CancellationToken cancellation)
        {
            var call = new ApiCall(HttpMethod.Get, "v2/kafka/stats/cluster/" + Uri.EscapeDataString(clusterId), $"Reading the statistics of cluster {clusterId}");
            JToken reply = await client.SendForJsonAsync(call, cancellation).ConfigureAwait(false);
            return Read(call, () =>
            {
                JObject obj = StatisticReader.Object(reply);
                KafkaClusterStatistic statistic = Fill(new KafkaClusterStatistic { ClusterId = clusterId }, obj, ClusterFields);
                statistic.Days = StatisticReader.Strings(obj, "days");
                statistic.DailyProduce = StatisticReader.Series(obj, "dailyproduce");
                statistic.DailyConsume = StatisticReader.Series(obj, "dailyconsume");
                statistic.TotalMonthlyBilling = StatisticReader.Total(obj, "total_monthly_billing");
                return statistic;
            });
        }

        /// <summary>The series and totals both kinds of statistics have.</summary>
        private static T Fill<T>(T statistic, JObject obj, HashSet<string> known)
            where T : KafkaStatistic
        {
            statistic.Throughput = StatisticReader.Series(obj, "throughput");
            statistic.ProduceThroughput = StatisticReader.Series(obj, "produce_throughput");
            statistic.ConsumeThroughput = StatisticReader.Series(obj, "consume_throughput");
            statistic.DiskUsage = StatisticReader.Series(obj, "diskusage");
            statistic.TotalMonthlyStorage = StatisticReader.Total(obj, "total_monthly_storage");
            statistic.TotalMonthlyProduce = StatisticReader.Total(obj, "total_monthly_produce");
            statistic.TotalMonthlyConsume = StatisticReader.Total(obj, "total_monthly_consume");
            statistic.AdditionalFields = StatisticReader.Unknown(obj, known);
            return statistic;
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
