using System.Text.Json.Nodes;

namespace Upstash.Kafka.Emulator.State;

/// <summary>
/// How a connector moves between states, as the service behaves: create and reconfigure go to pending and are
/// validated when they settle; pause, start and restart act on Kafka Connect's status. Every method runs under the
/// store's lock, on a connector that has already settled.
/// </summary>
public static class ConnectorLifecycle
{
    /// <summary>A due transition (pending or restarting) happens: the configuration decides running or failed.</summary>
    public static void Settle(ConnectorRecord connector, DateTimeOffset now, IReadOnlyCollection<string> rejectedProperties)
    {
        if (connector.TransitionDue is not DateTimeOffset due || due > now)
        {
            return;
        }

        connector.TransitionDue = null;
        Validate(connector, rejectedProperties);
    }

    /// <summary>
    /// The service replaces the configuration with the posted map and validates it again, asynchronously, as after a
    /// create: the connector goes back to pending. *(decision, from the contract)* Whether the real server merged or
    /// replaced is undocumented; the emulator replaces, so a client that sent only the changed keys loses the rest.
    /// </summary>
    public static void Reconfigure(ConnectorRecord connector, JsonObject properties, DateTimeOffset due)
    {
        connector.Properties = properties;
        ConnectorStates.Enter(connector, "pending");
        connector.TransitionDue = due;
    }

    /// <summary>Pause stops the connector and its tasks from any state; a pending validation is abandoned until start.</summary>
    public static void Pause(ConnectorRecord connector)
    {
        connector.TransitionDue = null;
        ConnectorStates.Enter(connector, "paused");
    }

    /// <summary>
    /// Start resumes a paused connector: its configuration is checked again, so it runs or fails at once.
    /// *(decision)* Starting a failed connector leaves it failed (Kafka Connect's resume only affects paused
    /// connectors, and the service still answers "OK"): a failed one needs a restart or a new configuration. Starting a
    /// running, pending or restarting connector changes nothing.
    /// </summary>
    public static void Start(ConnectorRecord connector, IReadOnlyCollection<string> rejectedProperties)
    {
        if (string.Equals(connector.State, "paused", StringComparison.OrdinalIgnoreCase))
        {
            Validate(connector, rejectedProperties);
        }
    }

    /// <summary>Restart takes any connector through restarting; when that is due it runs again, or fails if its configuration cannot work.</summary>
    public static void Restart(ConnectorRecord connector, DateTimeOffset due)
    {
        ConnectorStates.Enter(connector, "restarting");
        connector.TransitionDue = due;
    }

    private static void Validate(ConnectorRecord connector, IReadOnlyCollection<string> rejectedProperties)
    {
        string? problem = ConnectorValidator.FindProblem(connector, rejectedProperties);
        if (problem != null)
        {
            ConnectorStates.Enter(connector, "failed", problem);
        }
        else
        {
            ConnectorStates.Enter(connector, "running");
        }
    }
}
