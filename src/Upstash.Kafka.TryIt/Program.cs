using Upstash.Kafka.Emulator;
using Upstash.Kafka.TryIt;

// dotnet run --project src/Upstash.Kafka.TryIt [-- --script FILE | --shell [--command TEXT]]
// Starts the local API emulator on a free loopback port, points the module at it with UPSTASH_API_URL, UPSTASH_EMAIL
// and UPSTASH_API_KEY, and either runs a script in the PowerShell engine hosted here or opens a real pwsh.
(TryItOptions options, string? error) = TryItOptions.Parse(args);
if (error != null || options.Help)
{
    (error != null ? Console.Error : Console.Out).WriteLine((error != null ? error + "\n\n" : string.Empty) + TryItOptions.Usage);
    return error != null ? 2 : 0;
}

if (!File.Exists(RepoPaths.ModuleManifest))
{
    Console.Error.WriteLine($"The built module is missing: {RepoPaths.ModuleManifest}. Run 'dotnet build Upstash.sln' first.");
    return 1;
}

await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
var connection = new Dictionary<string, string>
{
    ["UPSTASH_API_URL"] = emulator.BaseUri.ToString().TrimEnd('/'),
    ["UPSTASH_EMAIL"] = emulator.Options.Email,
    ["UPSTASH_API_KEY"] = emulator.Options.ApiKey,
};

if (options.Shell)
{
    return InteractiveShell.Run(connection, options.Command, emulator);
}

// The hosted engine reads the process environment; this process exists only to run the script.
foreach ((string name, string value) in connection)
{
    Environment.SetEnvironmentVariable(name, value);
}

string script = options.Script ?? RepoPaths.QuickStartScript;
if (!File.Exists(script))
{
    Console.Error.WriteLine($"No such script: {script}");
    return 2;
}

return ScriptRunner.Run(script);
