using System.Collections.Generic;
using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Compare-UpstashKafkaConnector: what Sync-UpstashKafkaConnector would do, without doing it. It reads the files
    /// and the cluster (secrets in clear, so a secret compares by its real value) and writes one comparison per
    /// connector: Create, Update (with the keys that differ and any pause or resume), Unchanged, or Unmanaged.
    /// Secret values never appear in it.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "UpstashKafkaConnector")]
    [OutputType(typeof(KafkaConnectorComparison))]
    public sealed class CompareUpstashKafkaConnectorCommand : ConnectorPlanCmdlet
    {
        protected override void EndProcessing()
        {
            List<PlannedConnector>? plan = MakePlan(out _);
            foreach (PlannedConnector connector in plan ?? new List<PlannedConnector>())
            {
                WriteObject(connector.ToComparison(ServerClusterId ?? string.Empty));
            }
        }
    }
}
