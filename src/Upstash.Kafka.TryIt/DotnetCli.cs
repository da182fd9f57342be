namespace Upstash.Kafka.TryIt;

/// <summary>The dotnet executable that runs this program, so `dotnet pwsh` uses the same SDK and tool manifest.</summary>
internal static class DotnetCli
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        string? process = Environment.ProcessPath;
        if (process != null && System.IO.Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // dotnet run starts the app through its own apphost; the SDK tells child processes where dotnet is.
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
