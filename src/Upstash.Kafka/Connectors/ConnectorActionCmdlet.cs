using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// The base of Suspend-, Stop-, Resume- and Restart-UpstashKafkaConnector: one action per connector, after which
    /// it should reach a state (paused, stopped, running), so each can wait for that (-Wait, -Timeout) or read it back
    /// (-PassThru).
    /// </summary>
    public abstract class ConnectorActionCmdlet : ConnectorTargetCmdlet
    {
        /// <summary>Writes each connector as read back after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Waits until each connector and its tasks reach the action's state (and writes it), or fail (an error).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How many seconds -Wait waits for each connector.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int Timeout { get; set; } = ConnectorWaiter.DefaultTimeoutSeconds;

        /// <summary>"Resume Kafka connector": the action as -WhatIf and -Confirm name it.</summary>
        internal abstract string Action { get; }

        /// <summary>The state -Wait waits for.</summary>
        internal virtual ConnectorGoal Goal => ConnectorGoal.Running;

        internal abstract Task SendAsync(IConnectorServer server, string connectorId, CancellationToken cancellation);

        /// <summary>Whether to act on this connector at all; the target may be replaced by a better-named one.</summary>
        internal virtual bool Wanted(ref ConnectorTarget target) => true;

        internal override void Process(ConnectorTarget target)
        {
            if (!Wanted(ref target) || !ShouldProcess(target.ToString(), Action))
            {
                return;
            }

            Send((server, token) => SendAsync(server, target.ConnectorId, token));
            WriteVerbose($"{Action}: {target} accepted the request.");
            WaitOrPassThru(target, Wait, Timeout, PassThru, Goal);
        }
    }
}
