using System.Management.Automation;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Reset-UpstashKafkaClusterPassword: POST /v2/kafka/reset-password/{id}. Every client still using the old
    /// password stops working, so it asks first (ConfirmImpact High) unless -Force; it writes the cluster with its new
    /// credential, since nothing else will ever show the new password.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "UpstashKafkaClusterPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KafkaCluster))]
    public sealed class ResetUpstashKafkaClusterPasswordCommand : ClusterTargetCmdlet
    {
        internal override string OperationName => "ResetClusterPassword";

        internal override void Process(string clusterId)
        {
            string target = $"cluster {clusterId}";
            bool mayReset = MayProceed(
                target,
                "Reset Kafka cluster password",
                () => $"Reset the password of {target}? Every Kafka client that connects with the current password stops working until it is given the new one.");
            if (!mayReset)
            {
                return;
            }

            KafkaCluster cluster = RunApi((api, pump, token) => new ClusterApi(api).ResetPasswordAsync(clusterId, token));
            WriteVerbose($"Reset the password of cluster '{cluster.Name}' ({clusterId}); the new one is in the Credential property of the cluster written.");
            WriteObject(cluster);
        }
    }
}
