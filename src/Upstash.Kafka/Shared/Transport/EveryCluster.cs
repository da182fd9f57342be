using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// The API lists connectors and topics per cluster only, so "all of them" means listing the clusters first and
    /// then each cluster in turn.
    /// </summary>
    internal static class EveryCluster
    {
        /// <summary>
        /// Runs <paramref name="listOne"/> for <paramref name="clusterId"/>, or, when it is null, for every cluster of
        /// the account. With <paramref name="onClusterFailed"/>, one cluster that cannot be listed (deleted meanwhile,
        /// no permission) is reported there and must not hide the others; without it the failure ends the listing.
        /// </summary>
        public static async Task ListAsync(
            UpstashApiClient api,
            string? clusterId,
            Func<string, Task> listOne,
            Action<string, UpstashApiException>? onClusterFailed,
            CancellationToken cancellation)
        {
            if (clusterId != null)
            {
                await listOne(clusterId).ConfigureAwait(false);
                return;
            }

            var clusters = new List<ClusterSummary>();
            await new ClusterApi(api).ListAsync(clusters.Add, cancellation).ConfigureAwait(false);
            foreach (ClusterSummary cluster in clusters)
            {
                try
                {
                    await listOne(cluster.ClusterId).ConfigureAwait(false);
                }
                catch (UpstashApiException ex) when (onClusterFailed != null)
                {
                    onClusterFailed(cluster.ClusterId, ex);
                }
            }
        }
    }
}
