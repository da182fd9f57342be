using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Restart-UpstashKafkaConnector: restarts connectors and their tasks (POST /v2/kafka/connector/{id}/restart);
    /// with -OnlyIfFailed, only those that have failed, so a runbook can pipe a whole cluster through it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class RestartUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>Restarts a connector only when it has failed (state failed, connector FAILED or a FAILED task).</summary>
        [Parameter]
        public SwitchParameter OnlyIfFailed { get; set; }

        /// <summary>Writes each restarted connector as read back after the restart.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until each restarted connector runs (and writes it) or fails (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits for each connector.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override string OperationName => "RestartConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (OnlyIfFailed && !HasFailed(ref target))
            {
                return;
            }

            if (!ShouldProcess(target.ToString(), "Restart Kafka connector"))
            {
                return;
            }

            Send((api, token) => api.RestartAsync(target.ConnectorId, token));
            WriteVerbose($"Asked {target} to restart.");
            WaitOrPassThru(target, Wait, Timeout, PassThru);
        }

        /// <summary>
        /// Reads the connector's current state (a piped object may be stale). *(decision)* This read happens before
        /// the -WhatIf/-Confirm question, so "What if" lists only the connectors that would really restart; it changes
        /// nothing on the server.
        /// </summary>
        private bool HasFailed(ref ConnectorTarget target)
        {
            KafkaConnector current = Read(target);
            target = new ConnectorTarget(current.ConnectorId, current.Name, target.Given);
            if (ConnectorHealth.Of(current) == ConnectorCondition.Failed)
            {
                return true;
            }

            WriteVerbose($"Skipping {target}: it has not failed ({ConnectorHealth.Describe(current)}).");
            return false;
        }
    }
}
