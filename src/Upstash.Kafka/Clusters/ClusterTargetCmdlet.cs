using System;
using System.Management.Automation;
using Upstash.Kafka.Api;
using Upstash.Kafka.Completers;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// The base of the destructive cluster cmdlets (Remove, Reset password): cluster ids as arguments or from the
    /// pipeline (a cluster object binds by its ClusterId), each handled on its own so one failure never stops the
    /// rest, asked about first (ConfirmImpact High) unless -Force.
    /// </summary>
    public abstract class ClusterTargetCmdlet : UpstashKafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ClusterIdCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] ClusterId { get; set; } = Array.Empty<string>();

        /// <summary>Acts without asking for confirmation; -WhatIf and an explicit -Confirm still win.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The stem of this cmdlet's API error ids, e.g. "RemoveCluster" gives RemoveClusterNotFound.</summary>
        internal abstract string OperationName { get; }

        /// <summary>Acts on one cluster. API failures may be thrown; they become this item's error.</summary>
        internal abstract void Process(string clusterId);

        protected override void ProcessRecord()
        {
            foreach (string id in ClusterId)
            {
                string clusterId = id.Trim();
                try
                {
                    Process(clusterId);
                }
                catch (UpstashApiException ex)
                {
                    WriteApiError(ex, OperationName, clusterId);
                }
            }
        }

        /// <summary>
        /// Asks the question with a warning that says what will be lost. The warning is only worked out (it may
        /// need reads) when a prompt can actually be shown: never with -Force, and never with -WhatIf, which sends nothing.
        /// </summary>
        internal bool MayProceed(string target, string action, Func<string> warning)
        {
            if (ForceSkipsConfirmation(Force))
            {
                WriteVerbose($"{action}: {target}, without confirmation (-Force).");
                return true;
            }

            string description = $"Performing the operation \"{action}\" on target \"{target}\".";
            if (WhatIfRequested())
            {
                return ShouldProcess(description, description, action);
            }

            return ShouldProcess(description, warning(), action);
        }
    }
}
