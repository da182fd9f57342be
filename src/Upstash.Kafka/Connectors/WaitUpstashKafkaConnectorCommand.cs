using System;
using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Wait-UpstashKafkaConnector: waits until connectors run (writing each) or fail (an error with the server's
    /// reason), polling with a growing interval and showing progress. Like Wait-Job, -Timeout is in seconds.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "UpstashKafkaConnector", DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(KafkaConnector))]
    public sealed class WaitUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        /// <summary>How many seconds to wait for each connector; 0 checks once.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        internal override string OperationName => "WaitConnector";

        // A paused connector stays paused until someone resumes it: waiting for it to run would only time out.
        internal override void Process(ConnectorTarget target) =>
            new ConnectorWaiter(this) { PausedIsFinal = true }.WriteWhenReached(target.ConnectorId, Timeout);
    }
}
