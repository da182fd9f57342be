using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>Resume-UpstashKafkaConnector: starts paused connectors again (POST /v2/kafka/connector/{id}/start).</summary>
    [Cmdlet(VerbsLifecycle.Resume, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class ResumeUpstashKafkaConnectorCommand : ConnectorStartingCmdlet
    {
        internal override string OperationName => "ResumeConnector";

        internal override string Action => "Resume Kafka connector";

        internal override Task SendAsync(ConnectorApi api, string connectorId, CancellationToken cancellation) => api.StartAsync(connectorId, cancellation);
    }
}
