using System;
using System.Linq;

namespace Upstash.Kafka
{
    /// <summary>Where a connector is on its way: still settling, running, or failed.</summary>
    internal enum ConnectorCondition
    {
        Settling,
        Running,
        Failed,
    }

    /// <summary>The state a wait ends in: running (New, Resume, Restart, Set, Wait), paused (Suspend, New -InitialState Paused) or stopped.</summary>
    internal enum ConnectorGoal
    {
        Running,
        Paused,
        Stopped,
    }

    /// <summary>
    /// Reads a connector's three status fields as one answer. *(decision, from the contract)* Running means all three
    /// agree: state running, connector_state RUNNING and every task RUNNING. Failed means any of state failed,
    /// connector_state FAILED or a FAILED task. States are compared case-insensitively.
    /// </summary>
    internal static class ConnectorHealth
    {
        public static ConnectorCondition Of(KafkaConnector connector)
        {
            if (Is(connector.State, "failed") || Is(connector.ConnectorState, "FAILED") || connector.Tasks.Any(t => Is(t.State, "FAILED")))
            {
                return ConnectorCondition.Failed;
            }

            // On Kafka Connect a RUNNING connector whose tasks are not assigned yet is not running (the contract, §4).
            bool tasksKnown = connector.Tasks.Length > 0 || connector.Connection?.Kind != ServerKind.KafkaConnect;
            return Is(connector.State, "running") && Is(connector.ConnectorState, "RUNNING") && tasksKnown && connector.Tasks.All(t => Is(t.State, "RUNNING"))
                ? ConnectorCondition.Running
                : ConnectorCondition.Settling;
        }

        /// <summary>Whether the connector is where a wait for <paramref name="goal"/> ends (a failure is checked first, by <see cref="Of"/>).</summary>
        public static bool Reached(KafkaConnector connector, ConnectorGoal goal)
        {
            switch (goal)
            {
                case ConnectorGoal.Paused:
                    return IsPaused(connector) && connector.Tasks.All(t => Is(t.State, "PAUSED"));
                case ConnectorGoal.Stopped:
                    // A stopped connector shows no tasks: until they are gone its offsets cannot be changed.
                    return (Is(connector.ConnectorState, "STOPPED") || Is(connector.State, "stopped")) && connector.Tasks.Length == 0;
                default:
                    return Of(connector) == ConnectorCondition.Running;
            }
        }

        /// <summary>Paused by Upstash's state or by Kafka Connect's own status.</summary>
        public static bool IsPaused(KafkaConnector connector) =>
            Is(connector.State, "paused") || Is(connector.ConnectorState, "PAUSED");

        /// <summary>Why it failed, in one line for an error message: state_error_message, else the first failed task's first trace line.</summary>
        public static string FailureMessage(KafkaConnector connector)
        {
            if (!string.IsNullOrWhiteSpace(connector.StateErrorMessage))
            {
                return connector.StateErrorMessage!.Trim();
            }

            KafkaConnectorTask? failed = connector.Tasks.FirstOrDefault(t => Is(t.State, "FAILED") && !string.IsNullOrWhiteSpace(t.Trace));
            return failed != null
                ? failed.Trace!.Trim().Split('\n')[0].Trim()
                : $"Kafka Connect reports the connector as {connector.ConnectorState ?? connector.State}, without a reason.";
        }

        /// <summary>Every failed task's full trace, for the error's details.</summary>
        public static string FailedTaskTraces(KafkaConnector connector) =>
            string.Join(
                Environment.NewLine + Environment.NewLine,
                connector.Tasks
                    .Where(t => Is(t.State, "FAILED") && !string.IsNullOrWhiteSpace(t.Trace))
                    .Select(t => $"Task {t.Id}:{Environment.NewLine}{t.Trace!.Trim()}"));

        /// <summary>"state pending; connector state (none); 0 of 0 tasks running", for progress and timeouts.</summary>
        public static string Describe(KafkaConnector connector)
        {
            int running = connector.Tasks.Count(t => Is(t.State, "RUNNING"));
            string connectorState = string.IsNullOrEmpty(connector.ConnectorState) ? "(none yet)" : connector.ConnectorState!;
            return $"state {connector.State ?? "(none)"}; connector state {connectorState}; {running} of {connector.Tasks.Length} tasks running";
        }

        private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
    }
}
