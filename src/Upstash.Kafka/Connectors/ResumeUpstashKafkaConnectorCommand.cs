using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Resume-UpstashKafkaConnector: starts paused connectors again (Upstash: POST /v2/kafka/connector/{id}/start;
    /// Kafka Connect: PUT /connectors/{name}/resume, which also starts a stopped one).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class ResumeUpstashKafkaConnectorCommand : ConnectorActionCmdlet
    {
        internal override string OperationName => "ResumeConnector";

        internal override string Action => "Resume Kafka connector";

        internal override Task SendAsync(IConnectorServer server, string connectorId, CancellationToken cancellation) => server.ResumeAsync(connectorId, cancellation);
    }
}
