using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Resume-UpstashKafkaConnector: starts paused connectors again (POST /v2/kafka/connector/{id}/start).</summary>
    [Cmdlet(VerbsLifecycle.Resume, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class ResumeUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>Writes each connector as read back after the resume.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until each connector runs (and writes it) or fails (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits for each connector.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override string OperationName => "ResumeConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (!ShouldProcess(target.ToString(), "Resume Kafka connector"))
            {
                return;
            }

            Send((api, token) => api.StartAsync(target.ConnectorId, token));
            WriteVerbose($"Asked {target} to resume.");
            WaitOrPassThru(target, Wait, Timeout, PassThru);
        }
    }
}
