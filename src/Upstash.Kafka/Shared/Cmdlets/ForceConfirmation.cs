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
            if (force && !WhatIfRequested(cmdlet) && !cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                cmdlet.WriteVerbose(forcedVerbose);
                return true;
            }

            return cmdlet.ShouldProcess(target, action);
        }

        private static bool WhatIfRequested(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf))
            {
                return LanguagePrimitives.IsTrue(whatIf);
            }

            return LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference", false));
        }
    }
}
