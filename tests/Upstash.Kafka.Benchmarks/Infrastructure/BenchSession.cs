using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// One runspace of the in-process PowerShell engine (InitialSessionState.CreateDefault2, as the tests use) with the
/// built module imported and connected to the benchmark server, and the shared timing loops dot-sourced.
/// </summary>
public sealed class BenchSession : IDisposable
{
    public const string Email = "bench@example.com";
    public const string ApiKey = "bench-api-key-0123456789";

    private readonly Runspace runspace;

    public BenchSession(Uri baseUri)
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchStream", typeof(MeasureBenchStreamCommand), null));
        runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        Run("Import-Module $manifest -ErrorAction Stop", ("manifest", Repo.ModuleManifest));
        Run("Connect-UpstashKafka -Credential $credential -ApiUri $uri", ("credential", Credential), ("uri", baseUri));
        Run(". $loops", ("loops", Repo.Script("PerCallLoops.ps1")));
    }

    public static PSCredential Credential => new(Email, new NetworkCredential(string.Empty, ApiKey).SecurePassword);

    public bool HasCommand(string name) =>
        Run("@(Get-Command -Name $name -ErrorAction Ignore).Count", ("name", name)).Single().BaseObject is int count && count > 0;

    /// <summary>Runs a script in the global scope; any error fails the benchmark rather than skewing a number.</summary>
    public Collection<PSObject> Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach ((string name, object? value) in variables)
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        Collection<PSObject> output = shell.Invoke();
        if (shell.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("The benchmark script failed: " + string.Join("; ", shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }

        return output;
    }

    public void Dispose() => runspace.Dispose();
}
