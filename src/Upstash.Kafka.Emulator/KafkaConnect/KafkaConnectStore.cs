using System.Text.Json.Nodes;
using Upstash.Kafka.Emulator.State;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// The emulated Kafka Connect cluster's connectors, keyed by name, behind one lock. It shares the Upstash side's
/// clock and rejected properties, so tests move time and make configurations fail the same way on both APIs.
/// Transitions happen lazily when a connector is read after its due time, as on the Upstash side.
/// </summary>
public sealed partial class KafkaConnectStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, KafkaConnectRecord> connectors = new(StringComparer.Ordinal);
    private readonly EmulatorOptions options;
    private readonly EmulatorStore upstash;

    public KafkaConnectStore(EmulatorOptions options, EmulatorStore upstash)
    {
        this.options = options;
        this.upstash = upstash;
    }

    public EmulatorClock Clock => upstash.Clock;

    /// <summary>The worker_id in status replies: the emulator's own host:port once it listens.</summary>
    public string WorkerId { get; set; } = "127.0.0.1:8083";

    public int Count
    {
        get
        {
            lock (gate)
            {
                return connectors.Count;
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            connectors.Clear();
        }
    }

    /// <summary>The names, sorted (upstream's order is undefined; sorted is stable for tests).</summary>
    public IReadOnlyList<string> Names()
    {
        lock (gate)
        {
            return connectors.Keys.Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Every connector, settled, projected under the lock, by name.</summary>
    public IReadOnlyList<(string Name, T Value)> All<T>(Func<KafkaConnectRecord, T> project)
    {
        lock (gate)
        {
            return connectors.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
            {
                Settle(c);
                return (c.Name, project(c));
            }).ToList();
        }
    }

    /// <summary>Runs <paramref name="use"/> on the settled connector under the lock; null when there is none.</summary>
    public T? With<T>(string name, Func<KafkaConnectRecord, T?> use)
        where T : class
    {
        lock (gate)
        {
            if (!connectors.TryGetValue(name, out KafkaConnectRecord? connector))
            {
                return null;
            }

            Settle(connector);
            return use(connector);
        }
    }

    /// <summary>Adds a connector that starts deploying now; null (and nothing changed) when the name is taken.</summary>
    public T? Create<T>(string name, JsonObject config, KafkaConnectTarget target, Func<KafkaConnectRecord, T> project)
        where T : class
    {
        lock (gate)
        {
            if (connectors.ContainsKey(name))
            {
                return null;
            }

            var connector = new KafkaConnectRecord { Name = name, Config = config, Target = target };
            KafkaConnectLifecycle.Deploy(connector, Clock.Now + options.PendingDelay);
            connectors[name] = connector;
            return project(connector);
        }
    }

    /// <summary>
    /// PUT .../config: creates, or replaces the whole configuration and redeploys (upstream writes the config topic
    /// with no equality check, so an identical PUT still restarts the connector).
    /// </summary>
    /// <param name="project">Given the connector and whether it was created.</param>
    public (bool Created, T Result) Put<T>(string name, JsonObject config, Func<KafkaConnectRecord, bool, T> project)
    {
        lock (gate)
        {
            if (!connectors.TryGetValue(name, out KafkaConnectRecord? connector))
            {
                connector = new KafkaConnectRecord { Name = name, Config = config };
                KafkaConnectLifecycle.Deploy(connector, Clock.Now + options.PendingDelay);
                connectors[name] = connector;
                return (true, project(connector, true));
            }

            Settle(connector);
            Redeploy(connector, config);
            return (false, project(connector, false));
        }
    }

    /// <summary>Replaces a connector's configuration and deploys it again (back to UNASSIGNED for PendingDelay).</summary>
    /// <remarks>For a connector obtained from <see cref="With{T}"/>, inside its callback.</remarks>
    public void Redeploy(KafkaConnectRecord connector, JsonObject config)
    {
        lock (gate)
        {
            connector.Config = config;
            KafkaConnectLifecycle.Deploy(connector, Clock.Now + options.PendingDelay);
        }
    }

    public bool Remove(string name)
    {
        lock (gate)
        {
            return connectors.Remove(name);
        }
    }

    /// <summary>Makes every pending transition happen now, as if the workers had caught up.</summary>
    public void SettleAll()
    {
        lock (gate)
        {
            foreach (KafkaConnectRecord connector in connectors.Values)
            {
                foreach (KafkaConnectInstance instance in new[] { connector.Connector }.Concat<KafkaConnectInstance>(connector.Tasks))
                {
                    if (instance.Due != null)
                    {
                        instance.Due = DateTimeOffset.MinValue;
                    }
                }

                Settle(connector);
            }
        }
    }

    /// <summary>The Upstash side's rule for a configuration that cannot work (ConnectorValidator), on this config.</summary>
    private string? Problem(KafkaConnectRecord c) =>
        ConnectorValidator.FindProblem(
            new ConnectorRecord { ConnectorId = c.Name, Name = c.Name, ClusterId = string.Empty, CustomerId = string.Empty, Properties = c.Config },
            upstash.RejectedProperties);

    private string TypeOf(KafkaConnectRecord c) => KafkaConnectPlugins.TypeOf(options, c.ConnectorClass);

    private void Settle(KafkaConnectRecord c) => KafkaConnectLifecycle.Settle(c, Clock.Now, () => Problem(c), TypeOf(c));
}
