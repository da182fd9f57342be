using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Suspend-UpstashKafkaConnector: pauses connectors (Upstash: POST /v2/kafka/connector/{id}/pause; Kafka Connect:
    /// PUT /connectors/{name}/pause). A paused connector keeps its tasks allocated; Stop-UpstashKafkaConnector frees them.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class SuspendUpstashKafkaConnectorCommand : ConnectorActionCmdlet
    {
        internal override string OperationName => "SuspendConnector";

        internal override string Action => "Pause Kafka connector";

        internal override ConnectorGoal Goal => ConnectorGoal.Paused;

        internal override Task SendAsync(IConnectorServer server, string connectorId, CancellationToken cancellation) => server.PauseAsync(connectorId, cancellation);
    }
}
