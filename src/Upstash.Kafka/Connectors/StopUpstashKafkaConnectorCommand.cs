using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Stop-UpstashKafkaConnector: stops connectors on Kafka Connect 3.5 and later (PUT /connectors/{name}/stop). A
    /// stopped connector keeps its configuration but runs no tasks, which frees them and unlocks its offsets;
    /// Resume-UpstashKafkaConnector starts it again. Upstash has no stopped state, and an older Kafka Connect no stop:
    /// both get an error and nothing is sent.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class StopUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>Writes each connector as read back after the stop.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until each connector is STOPPED with no tasks left (and writes it), or fails (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits for each connector.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override string OperationName => "StopConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (!ShouldProcess(target.ToString(), "Stop Kafka connector"))
            {
                return;
            }

            Send((server, token) => server.StopAsync(target.ConnectorId, token));
            WriteVerbose($"Stopped {target}.");
            WaitOrPassThru(target, Wait, Timeout, PassThru, ConnectorGoal.Stopped);
        }
    }
}
