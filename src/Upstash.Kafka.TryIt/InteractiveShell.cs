using System.Diagnostics;
using Upstash.Kafka.Emulator;

namespace Upstash.Kafka.TryIt;

/// <summary>
/// Opens a real pwsh (the .NET tool pinned in .config/dotnet-tools.json) with the module imported and the emulator's
/// address and credential in that shell's environment only; the emulator stops when the shell exits.
/// </summary>
internal static class InteractiveShell
{
    public static int Run(IReadOnlyDictionary<string, string> connection, string? command, EmulatorServer emulator)
    {
        if (!RestoreTools())
        {
            return 1;
        }

        var start = new ProcessStartInfo(DotnetCli.Path) { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
        foreach (string argument in new[] { "pwsh", "-NoLogo", "-NoProfile" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in connection)
        {
            start.Environment[name] = value;
        }

        string startup = $"Import-Module '{RepoPaths.ModuleManifest.Replace("'", "''", StringComparison.Ordinal)}' -ErrorAction Stop\n" + Connections;
        if (command == null)
        {
            start.ArgumentList.Add("-NoExit");
            startup += Welcome(connection["UPSTASH_API_URL"]);
        }
        else
        {
            // A command instead of a person: run it, and exit 1 if it wrote any error.
            start.ArgumentList.Add("-NonInteractive");
            startup += "$Error.Clear()\n" + command + "\nif ($Error.Count -gt 0) { exit 1 }\n";
        }

        start.ArgumentList.Add("-Command");
        start.ArgumentList.Add(startup);

        // Ctrl+C belongs to the shell (it stops the running command there); it must not end this process and the emulator.
        ConsoleCancelEventHandler keepRunning = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += keepRunning;
        int exitCode;
        try
        {
            using Process shell = Process.Start(start) ?? throw new InvalidOperationException("dotnet pwsh did not start.");
            shell.WaitForExit();
            exitCode = shell.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= keepRunning;
        }

        PrintJournal(emulator);
        return exitCode;
    }

    /// <summary>
    /// The emulator is both servers: Upstash's API under /v2/kafka and Kafka Connect's at its root. $upstash is the
    /// session's default; $kafkaConnect is ready for -Connection, as in a migration.
    /// </summary>
    private const string Connections = """
        $upstash = Connect-UpstashKafka -Credential ([pscredential]::new($env:UPSTASH_EMAIL, (ConvertTo-SecureString $env:UPSTASH_API_KEY -AsPlainText -Force))) -ApiUri $env:UPSTASH_API_URL -PassThru
        $kafkaConnect = Connect-UpstashKafka -KafkaConnectUri $env:UPSTASH_API_URL -NotDefault -PassThru

        """;

    private static string Welcome(string apiUrl) => $$"""
        $upstash, $kafkaConnect | Format-Table Kind, Uri, UserName, Authentication | Out-Host
        Write-Host @'

        Upstash.Kafka is imported. This shell talks to a local emulator of the Upstash API at {{apiUrl}}
        (UPSTASH_API_URL, UPSTASH_EMAIL and UPSTASH_API_KEY are set for this shell only). Its demo cluster is
        {{EmulatorOptions.DemoClusterId}}. Try:

          New-UpstashKafkaConnector -Name orders -ClusterId {{EmulatorOptions.DemoClusterId}} -ConnectorClass com.mongodb.kafka.connect.MongoSourceConnector -Property @{ 'connection.uri' = 'mongodb://app:secret@db:27017' }

          Get-Command -Module Upstash.Kafka        Get-Help New-UpstashKafkaConnector -Examples

        The same emulator serves Kafka Connect's REST API at its root. $upstash (the default) and $kafkaConnect
        are ready connections:

          New-UpstashKafkaConnector -Connection $kafkaConnect -Name files -ConnectorClass org.apache.kafka.connect.file.FileStreamSourceConnector -Property @{ file = '/tmp/in.txt'; topic = 'lines' } -Wait
          Get-UpstashKafkaConnector -Connection $kafkaConnect | Stop-UpstashKafkaConnector -Wait

        Type exit to leave; the emulator stops with this shell.

        '@
        """;

    /// <summary>What the emulator received while the shell was open: the API calls the module made for you.</summary>
    private static void PrintJournal(EmulatorServer emulator)
    {
        var entries = emulator.Journal.Entries;
        Console.WriteLine($"The emulator received {entries.Count} API request(s):");
        foreach (var entry in entries)
        {
            Console.WriteLine($"  {entry.Method} {entry.Path} -> {entry.Status}");
        }
    }

    /// <summary>`dotnet tool restore` in the repository, so `dotnet pwsh` exists on a fresh clone. Quiet unless it fails.</summary>
    private static bool RestoreTools()
    {
        var restore = new ProcessStartInfo(DotnetCli.Path, ["tool", "restore"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(restore) ?? throw new InvalidOperationException("dotnet tool restore did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode == 0)
        {
            return true;
        }

        Console.Error.WriteLine("'dotnet tool restore' failed, so pwsh is not available:\n" + output.Result + errors.Result);
        return false;
    }
}
