using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Disconnect-UpstashKafka: forgets this runspace's default credential and address.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "UpstashKafka")]
    [OutputType(typeof(void))]
    public sealed class DisconnectUpstashKafkaCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            bool cleared = RunspaceConnections.Clear(Runspace.DefaultRunspace);
            this.WriteVerboseOrDebug(cleared
                ? "Forgot the Upstash credential of this session."
                : "This session had no Upstash credential set by Connect-UpstashKafka; nothing to forget.");
        }
    }
}
