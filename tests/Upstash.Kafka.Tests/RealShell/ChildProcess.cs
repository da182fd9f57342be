using System.Diagnostics;
using System.Text;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.RealShell;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + StandardError;
}

/// <summary>
/// Runs `dotnet ...` (pwsh, the try-it program) as a child process with its own environment, no standard input and a
/// time limit; on the limit the whole process tree is killed (`dotnet pwsh` starts pwsh as a child) and the test fails
/// with what was printed so far.
/// </summary>
public static class ChildProcess
{
    /// <summary>The dotnet that runs the tests, so the child uses the same SDK and the repository's tool manifest.</summary>
    public static string Dotnet { get; } = FindDotnet();

    public static async Task<ChildProcessResult> RunDotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        // Colours and terminal probing make no sense in a captured stream.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";

        var output = new StringBuilder();
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{Dotnet} {string.Join(' ', arguments)}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"'dotnet {string.Join(' ', arguments)}' did not finish within {limit} and was killed. It printed:\n{Text(output)}\n{Text(errors)}");
        }

        // The parameterless wait also waits for the redirected streams to be read to the end.
        await process.WaitForExitAsync();
        return new ChildProcessResult(process.ExitCode, Text(output), Text(errors));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line != null)
        {
            lock (buffer)
            {
                buffer.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static string FindDotnet()
    {
        string? process = Environment.ProcessPath;
        if (process != null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
