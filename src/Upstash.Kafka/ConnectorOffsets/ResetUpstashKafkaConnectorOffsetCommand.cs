using System;
using System.Management.Automation;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// Reset-UpstashKafkaConnectorOffset: forgets every committed offset of Kafka Connect connectors (DELETE
    /// /connectors/{name}/offsets, Kafka 3.6 and later), so each starts over when resumed: a sink from its consumer's
    /// auto.offset.reset, a source from wherever its connector begins. Nothing can undo it, so it asks first
    /// (ConfirmImpact High) unless -Force. Sent only to a connector that is STOPPED with no tasks left.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "UpstashKafkaConnectorOffset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ResetUpstashKafkaConnectorOffsetCommand : ConnectorOffsetCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectorId")]
        [ArgumentCompleter(typeof(ConnectorNameCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Resets without asking for confirmation; -WhatIf still wins.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal override string OperationName => "ResetConnectorOffset";

        protected override void ProcessRecord()
        {
            foreach (string given in Name)
            {
                string name = given.Trim();
                string what = $"Resetting the offsets of connector '{name}'";
                if (!OnKafkaConnect(what, name)
                    || !this.ShouldProcessUnlessForced(Force, $"connector '{name}'", "Reset every offset of Kafka connector", $"{what} without confirmation (-Force)."))
                {
                    continue;
                }

                Change(name, what, name, (offsets, token) => offsets.ResetAsync(name, token));
            }
        }
    }
}
