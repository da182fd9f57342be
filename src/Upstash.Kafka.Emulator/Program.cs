using System.Runtime.InteropServices;
using Upstash.Kafka.Emulator;

// dotnet run --project src/Upstash.Kafka.Emulator [-- --port 8080]
// Runs the local Upstash Kafka API, and Kafka Connect's REST API at the same address, until Ctrl+C and prints how to
// point the module at them.
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
Console.WriteLine($"Kafka Connect REST API (version {options.KafkaConnectVersion}, no auth) on the same address: {url}  (GET {url}/connectors)");
Console.WriteLine("Press Ctrl+C to stop.");

// Ctrl+C, and kill / a service manager's SIGTERM, stop the server cleanly: a script that started it in the
// background must be able to stop it without SIGKILL.
var stopped = new TaskCompletionSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;
Console.WriteLine("Emulator stopped.");
