using System.Management.Automation;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>
    /// For a compiled cmdlet, PowerShell (7.6 included) still turns -Debug alone into an *inquire* preference for
    /// the verbose stream: the first WriteVerbose stops and asks "Continue with this operation?", which hangs or
    /// breaks a runbook. When -Debug is given without -Verbose, our verbose lines go to the debug stream instead
    /// (which -Debug sets to Continue), so -Debug shows everything and never prompts.
    /// </summary>
    internal static class DebugWithoutPrompts
    {
        public static void WriteVerboseOrDebug(this PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            bool debugOnly = bound.TryGetValue("Debug", out object? debug) && IsSet(debug) && !bound.ContainsKey("Verbose");
            if (debugOnly)
            {
                cmdlet.WriteDebug(text);
            }
            else
            {
                cmdlet.WriteVerbose(text);
            }
        }

        /// <summary>
        /// The same trap for warnings: with -Debug (alone or with -Verbose) PowerShell 7.6 asks "Continue with this
        /// operation?" at a compiled cmdlet's WriteWarning. Unless -WarningAction says otherwise, a debugged call
        /// writes the warning to the debug stream, marked as one, so it is still seen and never stops a runbook.
        /// </summary>
        public static void WriteWarningWithoutPrompts(this PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (bound.TryGetValue("Debug", out object? debug) && IsSet(debug) && !bound.ContainsKey("WarningAction"))
            {
                cmdlet.WriteDebug("WARNING: " + text);
            }
            else
            {
                cmdlet.WriteWarning(text);
            }
        }

        private static bool IsSet(object? value) => value is SwitchParameter flag ? flag.IsPresent : value is bool b && b;
    }
}
