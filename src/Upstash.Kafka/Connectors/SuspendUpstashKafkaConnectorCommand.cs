using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Suspend-UpstashKafkaConnector: pauses connectors (Upstash: POST /v2/kafka/connector/{id}/pause; Kafka Connect:
    /// PUT /connectors/{name}/pause). A paused connector keeps its tasks allocated; Stop-UpstashKafkaConnector frees them.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class SuspendUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>Writes each connector as read back after the pause.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until each connector and its tasks are paused (and writes it), or fails (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits for each connector.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override string OperationName => "SuspendConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (!ShouldProcess(target.ToString(), "Pause Kafka connector"))
            {
                return;
            }

            Send((server, token) => server.PauseAsync(target.ConnectorId, token));
            WriteVerbose($"Paused {target}.");
            WaitOrPassThru(target, Wait, Timeout, PassThru, ConnectorGoal.Paused);
        }
    }
}
