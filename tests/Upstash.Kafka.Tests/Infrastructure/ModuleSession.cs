using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// A fresh runspace of the real PowerShell engine with the built module (out/Upstash.Kafka) imported, as a user
/// imports it, and a <see cref="TestHost"/> whose prompts fail. Optionally connected to an emulator.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace runspace;

    public ModuleSession(EmulatorFixture? connectTo = null)
    {
        Host = new TestHost();
        InitialSessionState state = InitialSessionState.CreateDefault2();
        runspace = RunspaceFactory.CreateRunspace(Host, state);
        runspace.Open();
        RunResult import = Run("Import-Module $manifest -ErrorAction Stop", new Dictionary<string, object?> { ["manifest"] = Repo.ModuleManifest });
        import.AssertNoErrors();
        if (connectTo != null)
        {
            Connect(connectTo.Credential, connectTo.BaseUri);
        }
    }

    public TestHost Host { get; }

    public Runspace Runspace => runspace;

    public void Connect(PSCredential credential, Uri apiUri, int timeoutSec = 30) =>
        Run("Connect-UpstashKafka -Credential $c -ApiUri $u -TimeoutSec $t", new Dictionary<string, object?> { ["c"] = credential, ["u"] = apiUri, ["t"] = timeoutSec })
            .AssertNoErrors();

    /// <summary>Runs a script; variables are set in the session first ($name in the script).</summary>
    public RunResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        foreach (KeyValuePair<string, object?> variable in variables ?? new Dictionary<string, object?>())
        {
            runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
        }

        using PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        int hostLength = Host.Output.Length;
        RuntimeException? terminating = null;
        var output = new List<PSObject>();
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }

        return new RunResult
        {
            Output = output,
            Errors = shell.Streams.Error.ToList(),
            Verbose = shell.Streams.Verbose.Select(v => v.Message).ToList(),
            Debug = shell.Streams.Debug.Select(d => d.Message).ToList(),
            Warnings = shell.Streams.Warning.Select(w => w.Message).ToList(),
            Progress = shell.Streams.Progress.ToList(),
            Terminating = terminating,
            HostOutput = Host.Output[hostLength..],
        };
    }

    /// <summary>Starts a script without waiting, for tests that stop it from another thread (Ctrl+C).</summary>
    public PowerShell Start(string script, out IAsyncResult running)
    {
        PowerShell shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        running = shell.BeginInvoke();
        return shell;
    }

    /// <summary>A hashtable as PowerShell makes one, for -Property.</summary>
    public static Hashtable Properties(params (string Key, object? Value)[] pairs)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, object? value) in pairs)
        {
            table[key] = value;
        }

        return table;
    }

    public void Dispose() => runspace.Dispose();
}
