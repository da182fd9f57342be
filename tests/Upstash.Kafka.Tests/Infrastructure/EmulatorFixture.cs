using System.Management.Automation;
using System.Net;
using Upstash.Kafka.Emulator;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>One emulator per test class, on a free loopback port, with a random API key (so a leak is searchable).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Email = "tester@example.com";

    public string ApiKey { get; } = "test-key-" + Guid.NewGuid().ToString("N");

    public EmulatorServer Server { get; private set; } = null!;

    public Uri BaseUri => Server.BaseUri;

    public PSCredential Credential => new(Email, new NetworkCredential(string.Empty, ApiKey).SecurePassword);

    public async Task InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Email = Email, ApiKey = ApiKey, PendingDelay = TimeSpan.FromMinutes(10) });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
