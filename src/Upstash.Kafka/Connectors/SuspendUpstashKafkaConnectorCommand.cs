using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Suspend-UpstashKafkaConnector: pauses connectors (POST /v2/kafka/connector/{id}/pause).</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class SuspendUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>Writes each connector as read back after the pause.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override string OperationName => "SuspendConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (!ShouldProcess(target.ToString(), "Pause Kafka connector"))
            {
                return;
            }

            Send((api, token) => api.PauseAsync(target.ConnectorId, token));
            WriteVerbose($"Paused {target}.");
            WaitOrPassThru(target, wait: false, 0, PassThru);
        }
    }
}
