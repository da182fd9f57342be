namespace Upstash.Kafka.Emulator;

/// <summary>How an emulator instance behaves; tests change these between calls.</summary>
public sealed class EmulatorOptions
{
    public const string DemoEmail = "demo@example.com";
    public const string DemoApiKey = "emulator-demo-key";
    public const string DemoClusterId = "7568431c-88d5-4409-a808-2167f22a7133";
    public const string DemoClusterName = "demo-cluster";

    /// <summary>The account the emulator accepts with HTTP Basic auth.</summary>
    public string Email { get; set; } = DemoEmail;

    public string ApiKey { get; set; } = DemoApiKey;

    /// <summary>Which of the four error body shapes seen in practice the emulator answers with.</summary>
    public ErrorBodyShape ErrorShape { get; set; } = ErrorBodyShape.ErrorObject;

    /// <summary>How long a new or reconfigured connector stays pending before it runs (or fails).</summary>
    public TimeSpan PendingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a restarted connector stays restarting before it runs (or fails) again.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Seed the demo cluster on start and on every reset.</summary>
    public bool SeedDemoCluster { get; set; } = true;

    /// <summary>
    /// The version the Kafka Connect API at the root reports on GET /; the emulator gates features by it as the
    /// contract's version table does, so tests can exercise a client's fallbacks for older workers.
    /// </summary>
    public string KafkaConnectVersion { get; set; } = "3.9.0";

    /// <summary>
    /// HTTP Basic user for the Kafka Connect paths (BasicAuthSecurityRestExtension); null, the default, means no auth,
    /// as stock Kafka Connect has none. The Upstash paths keep <see cref="Email"/> and <see cref="ApiKey"/>.
    /// </summary>
    public string? KafkaConnectUser { get; set; }

    public string? KafkaConnectPassword { get; set; }

    /// <summary>A token the Kafka Connect paths accept as "Authorization: Bearer ..." (a token proxy in front); null for none.</summary>
    public string? KafkaConnectBearerToken { get; set; }

    /// <summary>topic.tracking.enable on the worker: when false, GET /connectors/{name}/topics answers 403.</summary>
    public bool KafkaConnectTopicTracking { get; set; } = true;
}

/// <summary>Error bodies are not documented; these are the four shapes seen in practice.</summary>
public enum ErrorBodyShape
{
    /// <summary>{"error": "..."}</summary>
    ErrorObject,

    /// <summary>{"message": "..."}</summary>
    MessageObject,

    /// <summary>"..." (a JSON string)</summary>
    JsonString,

    /// <summary>plain text</summary>
    PlainText,
}
