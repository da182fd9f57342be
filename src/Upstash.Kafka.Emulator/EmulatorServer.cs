using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Upstash.Kafka.Emulator.Faults;
using Upstash.Kafka.Emulator.Http;
using Upstash.Kafka.Emulator.KafkaConnect;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator;

/// <summary>
/// A local Upstash Kafka API on 127.0.0.1: real HTTP, Basic auth, the documented shapes, a journal of every request.
/// The same process also serves Kafka Connect's REST API at its root (see KafkaConnect/), with its own optional auth.
/// Start one from code with <see cref="StartAsync"/>; the command line does the same in Program.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ErrorBodyShape startShape;
    private readonly TimeSpan startPendingDelay;
    private readonly TimeSpan startRestartDelay;
    private readonly EmulatorOptions startKafkaConnect;

    private EmulatorServer(WebApplication app, EmulatorOptions options, EmulatorStore store, RequestJournal journal)
    {
        this.app = app;
        Options = options;
        startShape = options.ErrorShape;
        startPendingDelay = options.PendingDelay;
        startRestartDelay = options.RestartDelay;
        startKafkaConnect = new EmulatorOptions
        {
            KafkaConnectVersion = options.KafkaConnectVersion,
            KafkaConnectUser = options.KafkaConnectUser,
            KafkaConnectPassword = options.KafkaConnectPassword,
            KafkaConnectBearerToken = options.KafkaConnectBearerToken,
            KafkaConnectTopicTracking = options.KafkaConnectTopicTracking,
        };
        Store = store;
        KafkaConnect = new KafkaConnectStore(options, store);
        Journal = journal;
    }

    public EmulatorOptions Options { get; }

    public EmulatorStore Store { get; }

    /// <summary>The Kafka Connect cluster's connectors (by name), on the same clock as <see cref="Store"/>.</summary>
    public KafkaConnectStore KafkaConnect { get; }

    public RequestJournal Journal { get; }

    /// <summary>Fault-injection rules applied to API requests (not to the control plane).</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>The base address, e.g. http://127.0.0.1:53117/.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new EmulatorOptions();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        WebApplication app = builder.Build();
        var store = new EmulatorStore(options, new EmulatorClock());
        var journal = new RequestJournal();
        var server = new EmulatorServer(app, options, store, journal);
        store.Reset();

        app.Use(server.JournalAndAuthenticate);
        ConnectorEndpoints.Map(app, store, options);
        ClusterEndpoints.Map(app, store, options);
        TopicEndpoints.Map(app, store, options);
        StatisticsEndpoints.Map(app, store, options);
        CredentialEndpoints.Map(app, store, options);
        KafkaConnectEndpoints.Map(app, server.KafkaConnect, options);
        ControlEndpoints.Map(app, server);

        await app.StartAsync(cancellation);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        server.KafkaConnect.WorkerId = server.BaseUri.Host + ":" + server.BaseUri.Port;
        return server;
    }

    /// <summary>
    /// Back to the start: demo cluster only, no connectors (on either API), empty journal, no faults, real time, and
    /// the error shape, delays and Kafka Connect version and auth the server was started with (a test that changed
    /// them cannot leak them into the next one).
    /// </summary>
    public void Reset()
    {
        Store.Reset();
        KafkaConnect.Reset();
        Options.KafkaConnectVersion = startKafkaConnect.KafkaConnectVersion;
        Options.KafkaConnectUser = startKafkaConnect.KafkaConnectUser;
        Options.KafkaConnectPassword = startKafkaConnect.KafkaConnectPassword;
        Options.KafkaConnectBearerToken = startKafkaConnect.KafkaConnectBearerToken;
        Options.KafkaConnectTopicTracking = startKafkaConnect.KafkaConnectTopicTracking;
        Journal.Clear();
        Faults.Clear();
        Options.ErrorShape = startShape;
        Options.PendingDelay = startPendingDelay;
        Options.RestartDelay = startRestartDelay;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task JournalAndAuthenticate(HttpContext context, RequestDelegate next)
    {
        PathString path = context.Request.Path;
        if (path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? fault = null;
        bool kafkaConnect = KafkaConnectRouting.Owns(path);
        try
        {
            // Each API has its own auth: the Upstash account on /v2/, the Kafka Connect options everywhere else.
            if (kafkaConnect ? !KafkaConnectAuth.IsAuthorized(context.Request, Options) : !IsAuthorized(context.Request))
            {
                IResult refusal = kafkaConnect ? KafkaConnectAuth.Refusal(Options) : ApiReplies.Error(Options, 401, "Unauthorized");
                await refusal.ExecuteAsync(context);
                return;
            }

            RequestDelegate handler = kafkaConnect ? KafkaConnectRouting.WithJerseyFallback(next) : next;
            fault = await FaultMiddleware.HandleAsync(context, handler, Faults, Options, kafkaConnect);
        }
        finally
        {
            Journal.Add(new JournalEntry(context.Request.Method, path.Value ?? string.Empty, headers, body, context.Response.StatusCode, DateTimeOffset.UtcNow, fault)
            {
                Query = context.Request.QueryString.Value ?? string.Empty,
            });
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            string pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return pair == Options.Email + ":" + Options.ApiKey;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
