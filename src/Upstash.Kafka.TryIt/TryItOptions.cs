namespace Upstash.Kafka.TryIt;

/// <summary>The command line: which mode, which script or command.</summary>
internal sealed class TryItOptions
{
    public const string Usage = """
        Try the Upstash.Kafka module against a local emulator of the Upstash API. Nothing leaves this machine.

          dotnet run --project src/Upstash.Kafka.TryIt                       runs quickstart.ps1 and prints its output
          dotnet run --project src/Upstash.Kafka.TryIt -- --script FILE      runs another script the same way
          dotnet run --project src/Upstash.Kafka.TryIt -- --shell            opens pwsh with the module imported
          dotnet run --project src/Upstash.Kafka.TryIt -- --shell --command TEXT
                                                                             runs TEXT in that pwsh, then exits

        Scripts run in the PowerShell engine hosted by this program, which has PowerShell's core cmdlets (ForEach-Object,
        Where-Object, Out-Host, ...) and the module, but not Write-Host, Format-Table or ConvertTo-Json: --shell has them all.
        The exit code is 0 when the script ran without any error, 1 otherwise (2 for a bad command line).
        """;

    public string? Script { get; private set; }

    public bool Shell { get; private set; }

    public string? Command { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses the arguments; the error is a sentence for the user, or null.</summary>
    public static (TryItOptions Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new TryItOptions();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--script" when i + 1 < args.Count:
                    options.Script = Path.GetFullPath(args[++i]);
                    break;
                case "--command" when i + 1 < args.Count:
                    options.Command = args[++i];
                    break;
                case "--shell":
                    options.Shell = true;
                    break;
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                default:
                    return (options, $"Unknown or incomplete argument '{args[i]}'.");
            }
        }

        if (options.Command != null && !options.Shell)
        {
            return (options, "--command goes with --shell (it replaces the person typing in that shell).");
        }

        if (options.Script != null && options.Shell)
        {
            return (options, "--script and --shell do not go together: use --shell --command \". '<file>'\" to run a file in the shell.");
        }

        return (options, null);
    }
}
