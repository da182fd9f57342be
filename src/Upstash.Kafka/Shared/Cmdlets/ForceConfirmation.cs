using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>How every destructive cmdlet of the module treats -Force, -WhatIf and -Confirm.</summary>
    internal static class ForceConfirmation
    {
        /// <summary>
        /// -Force skips the question that ConfirmImpact High asks, but never turns -WhatIf (or an explicit
        /// -Confirm) into an action: only then is ShouldProcess bypassed.
        /// </summary>
        public static bool ShouldProcessUnlessForced(this UpstashKafkaCmdlet cmdlet, bool force, string target, string action, string forcedVerbose)
        {
            if (cmdlet.ForceSkipsConfirmation(force))
            {
                cmdlet.WriteVerbose(forcedVerbose);
                return true;
            }

            return cmdlet.ShouldProcess(target, action);
        }
    }
}
