using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.State;

/// <summary>
/// The connectors' part of the store. Automatic transitions (pending to running or failed, restarting to running)
/// happen lazily when a connector is read after its due time, so nothing runs on a timer and tests can move time on
/// with <see cref="EmulatorClock.Advance"/> or <see cref="SettleAll"/>.
/// </summary>
public sealed partial class EmulatorStore
{
    public bool NameTaken(string clusterId, string name)
    {
        lock (gate)
        {
            return connectors.Values.Any(c => c.ClusterId == clusterId && string.Equals(c.Name, name, StringComparison.Ordinal));
        }
    }

    /// <summary>Adds a connector in state pending; validation of its configuration happens when it settles.</summary>
    public ConnectorRecord AddConnector(string name, string clusterId, JsonObject properties, string? connectorId = null)
    {
        lock (gate)
        {
            var now = Clock.Now;
            var connector = new ConnectorRecord
            {
                ConnectorId = connectorId ?? Guid.NewGuid().ToString(),
                Name = name,
                ClusterId = clusterId,
                CustomerId = options.Email,
                CreationTime = now.ToUnixTimeSeconds(),
                Properties = properties,
                TransitionDue = now + options.PendingDelay,
            };
            connectors[connector.ConnectorId] = connector;
            return connector;
        }
    }

    /// <summary>Runs <paramref name="change"/> on the settled connector under the lock; null when there is none.</summary>
    public T? WithConnector<T>(string connectorId, Func<ConnectorRecord, T> change)
        where T : class
    {
        lock (gate)
        {
            if (!connectors.TryGetValue(connectorId, out ConnectorRecord? connector))
            {
                return null;
            }

            Settle(connector);
            return change(connector);
        }
    }

    public bool RemoveConnector(string connectorId)
    {
        lock (gate)
        {
            return connectors.Remove(connectorId);
        }
    }

    /// <summary>The cluster's connectors, settled, in creation order. Null when the cluster does not exist.</summary>
    public IReadOnlyList<T>? ListConnectors<T>(string clusterId, Func<ConnectorRecord, T> project)
    {
        lock (gate)
        {
            if (!clusters.ContainsKey(clusterId))
            {
                return null;
            }

            var list = connectors.Values.Where(c => c.ClusterId == clusterId).ToList();
            list.ForEach(Settle);
            return list.Select(project).ToList();
        }
    }

    public int ConnectorCount(string? name = null)
    {
        lock (gate)
        {
            return connectors.Values.Count(c => name == null || c.Name == name);
        }
    }

    /// <summary>Makes every due-or-not transition happen now, as if the service had caught up.</summary>
    public void SettleAll()
    {
        lock (gate)
        {
            foreach (ConnectorRecord connector in connectors.Values)
            {
                if (connector.TransitionDue != null)
                {
                    connector.TransitionDue = DateTimeOffset.MinValue;
                }

                Settle(connector);
            }
        }
    }

    /// <summary>Forces a connector into a state (tests: "what does the module do with a failed connector?").</summary>
    public bool ForceState(string connectorId, string state, string? errorMessage = null)
    {
        lock (gate)
        {
            if (!connectors.TryGetValue(connectorId, out ConnectorRecord? connector))
            {
                return false;
            }

            connector.TransitionDue = null;
            ConnectorStates.Enter(connector, state, errorMessage);
            return true;
        }
    }

    /// <summary>Replaces the configuration and starts validating it again (back to pending). False when there is no such connector.</summary>
    public bool Reconfigure(string connectorId, JsonObject properties) =>
        Act(connectorId, c => ConnectorLifecycle.Reconfigure(c, properties, Clock.Now + options.PendingDelay));

    public bool Pause(string connectorId) => Act(connectorId, ConnectorLifecycle.Pause);

    public bool Start(string connectorId) => Act(connectorId, c => ConnectorLifecycle.Start(c, RejectedProperties));

    public bool Restart(string connectorId) => Act(connectorId, c => ConnectorLifecycle.Restart(c, Clock.Now + options.RestartDelay));

    private bool Act(string connectorId, Action<ConnectorRecord> action) =>
        WithConnector(connectorId, c =>
        {
            action(c);
            return (object)c;
        }) != null;

    private void Settle(ConnectorRecord connector) => ConnectorLifecycle.Settle(connector, Clock.Now, RejectedProperties);
}
