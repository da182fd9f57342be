using Upstash.Kafka.Emulator;

// dotnet run --project src/Upstash.Kafka.Emulator [-- --port 8080]
// Runs the local Upstash Kafka API until Ctrl+C and prints how to point the module at it.
var options = new EmulatorOptions();
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && int.TryParse(args[i + 1], out int port))
    {
        options.Port = port;
    }
}

await using EmulatorServer server = await EmulatorServer.StartAsync(options);
string url = server.BaseUri.ToString().TrimEnd('/');
Console.WriteLine($"Upstash Kafka API emulator listening on {url}");
Console.WriteLine($"Demo credential: email {options.Email}, API key {options.ApiKey}; demo cluster {EmulatorOptions.DemoClusterId} ({EmulatorOptions.DemoClusterName})");
Console.WriteLine("In another shell:");
Console.WriteLine($"  $env:UPSTASH_API_URL = '{url}'; $env:UPSTASH_EMAIL = '{options.Email}'; $env:UPSTASH_API_KEY = '{options.ApiKey}'");
Console.WriteLine("Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;
