namespace Upstash.Kafka.Emulator.State;

/// <summary>
/// The emulator's account, behind one lock. Each kind of object keeps its part of the store in its own folder
/// (Clusters/EmulatorStore.Clusters.cs, Connectors/EmulatorStore.Connectors.cs, Credentials/...); what they share lives here.
/// </summary>
public sealed partial class EmulatorStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, ClusterRecord> clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectorRecord> connectors = new(StringComparer.Ordinal);
    private readonly EmulatorOptions options;

    public EmulatorStore(EmulatorOptions options, EmulatorClock clock)
    {
        this.options = options;
        Clock = clock;
    }

    public EmulatorClock Clock { get; }

    /// <summary>Property keys whose presence makes a connector fail validation (tests set these).</summary>
    public HashSet<string> RejectedProperties { get; } = new(StringComparer.Ordinal);

    public void Reset()
    {
        lock (gate)
        {
            clusters.Clear();
            connectors.Clear();
            topics.Clear();
            credentials.Clear();
            RejectedProperties.Clear();
            Clock.Reset();
            if (options.SeedDemoCluster)
            {
                AddCluster(EmulatorOptions.DemoClusterId, EmulatorOptions.DemoClusterName);
            }
        }
    }
}
