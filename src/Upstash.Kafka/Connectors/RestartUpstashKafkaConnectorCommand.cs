using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Restart-UpstashKafkaConnector: restarts connectors and their tasks (Upstash: POST /v2/kafka/connector/{id}/restart;
    /// Kafka Connect: POST /connectors/{name}/restart?includeTasks=true, so failed tasks come back too); with
    /// -OnlyIfFailed, only those that have failed (on Kafka Connect, only their failed instances), so a runbook can
    /// pipe a whole cluster through it; with -TaskId, just those tasks (Kafka Connect).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class RestartUpstashKafkaConnectorCommand : ConnectorActionCmdlet
    {
        /// <summary>Restarts a connector only when it has failed (state failed, connector FAILED or a FAILED task).</summary>
        [Parameter]
        public SwitchParameter OnlyIfFailed { get; set; }

        /// <summary>Restarts just these tasks of each connector (Kafka Connect: POST .../tasks/{id}/restart).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateRange(0, int.MaxValue)]
        public int[] TaskId { get; set; } = System.Array.Empty<int>();

        internal override string OperationName => "RestartConnector";

        internal override string Action => "Restart Kafka connector";

        internal override Task SendAsync(IConnectorServer server, string connectorId, CancellationToken cancellation) =>
            server.RestartAsync(connectorId, new ConnectorRestart(OnlyIfFailed, TaskId), cancellation);

        /// <summary>
        /// With -OnlyIfFailed, reads the connector's current state (a piped object may be stale). *(decision)* This
        /// read happens before the -WhatIf/-Confirm question, so "What if" lists only the connectors that would really
        /// restart; it changes nothing on the server.
        /// </summary>
        internal override bool Wanted(ref ConnectorTarget target)
        {
            if (!OnlyIfFailed)
            {
                return true;
            }

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
