using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Remove-UpstashKafkaCluster: DELETE /v2/kafka/cluster/{id}, which takes the cluster's topics, credentials and
    /// connectors with it; the prompt says how many of each.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "UpstashKafkaCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveUpstashKafkaClusterCommand : ClusterTargetCmdlet
    {
        internal override string OperationName => "RemoveCluster";

        internal override void Process(string clusterId)
        {
            string target = $"cluster {clusterId}";
            bool mayRemove = MayProceed(target, "Remove Kafka cluster", () =>
            {
                ClusterContents contents = RunApi((api, pump, token) => ClusterContents.ReadAsync(api, clusterId, token));
                string named = contents.Name == null ? target : $"cluster '{contents.Name}' ({clusterId})";
                return $"Remove {named}? Its {contents.Describe()} are removed with it. This cannot be undone.";
            });
            if (!mayRemove)
            {
                return;
            }

            // A cluster that is already gone answers 404: RemoveClusterNotFound, an ObjectNotFound error.
            RunApi(async (api, pump, token) =>
            {
                await new ClusterApi(api).DeleteAsync(clusterId, token).ConfigureAwait(false);
                return true;
            });
            WriteVerbose($"Removed {target}.");
        }
    }
}
