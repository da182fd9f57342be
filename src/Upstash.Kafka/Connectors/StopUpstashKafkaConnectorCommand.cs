using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

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
    public sealed class StopUpstashKafkaConnectorCommand : ConnectorActionCmdlet
    {
        internal override string OperationName => "StopConnector";

        internal override string Action => "Stop Kafka connector";

        internal override ConnectorGoal Goal => ConnectorGoal.Stopped;

        internal override Task SendAsync(IConnectorServer server, string connectorId, CancellationToken cancellation) => server.StopAsync(connectorId, cancellation);
    }
}
