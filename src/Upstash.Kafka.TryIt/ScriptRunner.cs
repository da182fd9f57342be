using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Upstash.Kafka.TryIt;

/// <summary>
/// Runs one script in the PowerShell engine hosted in this process, with the built module imported, and prints
/// everything it writes through PowerShell's own formatting (Out-Default), errors in place.
/// </summary>
internal static class ScriptRunner
{
    /// <returns>0 when the script ran without any error record or terminating error, else 1.</returns>
    public static int Run(string scriptPath)
    {
        var host = new ConsoleHost();
        InitialSessionState state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // The module's format file and the script are unsigned local files; other systems have no execution policy.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        using Runspace runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand("Import-Module").AddParameter("Name", RepoPaths.ModuleManifest).AddParameter("ErrorAction", ActionPreference.Stop);
        shell.AddStatement().AddCommand(scriptPath);
        // Errors and warnings go down the pipeline in the order they happen, so Out-Default shows them where they occurred.
        shell.Commands.Commands[^1].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
        shell.AddCommand("Out-Default");
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            ShowErrors(runspace, host, [ex.ErrorRecord]);
            return 1;
        }

        // An error that ended a statement (a throw) is not in the merged output: show it now.
        ShowErrors(runspace, host, shell.Streams.Error);
        return host.ErrorsShown > 0 || shell.HadErrors ? 1 : 0;
    }

    /// <summary>Shows error records the way pwsh does (its error view, with the script line), on standard error.</summary>
    private static void ShowErrors(Runspace runspace, ConsoleHost host, IEnumerable<ErrorRecord> errors)
    {
        if (errors.Any())
        {
            using PowerShell show = PowerShell.Create();
            show.Runspace = runspace;
            show.AddCommand("Out-Default");
            host.WriteToErrorStream = true;
            try
            {
                show.Invoke(errors);
            }
            finally
            {
                host.WriteToErrorStream = false;
            }
        }
    }
}
