using System;
using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Remove-UpstashKafkaConnector: deletes connectors (Upstash: DELETE /v2/kafka/connector/{id}; Kafka Connect:
    /// DELETE /connectors/{name}). Destructive, so it asks
    /// first (ConfirmImpact High) unless -Force; -WhatIf always wins over -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "UpstashKafkaConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveUpstashKafkaConnectorCommand : ConnectorTargetCmdlet
    {
        private const string Action = "Remove Kafka connector";

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal override string OperationName => "RemoveConnector";

        internal override void Process(ConnectorTarget target)
        {
            if (!MayRemove(target))
            {
                return;
            }

            // A connector that is already gone answers 404: RemoveConnectorNotFound, an ObjectNotFound error.
            Send((server, token) => server.DeleteAsync(target.ConnectorId, token));
            WriteVerbose($"Removed {target}.");
        }

        private bool MayRemove(ConnectorTarget target) =>
            this.ShouldProcessUnlessForced(Force, target.ToString(), Action, $"Removing {target} without confirmation (-Force).");
    }
}
