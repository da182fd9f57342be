using System;
using System.Collections.Generic;
using System.Linq;
using Upstash.Kafka.Api;

namespace Upstash.Kafka.Cmdlets
{
    /// <summary>A connector as the cluster has it, read once: in clear to compare, masked to show.</summary>
    internal sealed class CurrentConnector
    {
        public CurrentConnector(KafkaConnector clear, KafkaConnector masked)
        {
            Clear = clear;
            Masked = masked;
        }

        /// <summary>With secrets in clear; never written anywhere.</summary>
        public KafkaConnector Clear { get; }

        public KafkaConnector Masked { get; }
    }

    /// <summary>What a sync does to one connector, decided from its file and the cluster's list.</summary>
    internal sealed class PlannedConnector
    {
        public PlannedConnector(string name, ConnectorComparisonAction action, DesiredConnector? desired, CurrentConnector? current, KafkaConnectorPropertyChange[] changes, ConnectorStateChange? stateChange)
        {
            Name = name;
            Action = action;
            Desired = desired;
            Current = current;
            Changes = changes;
            StateChange = stateChange;
        }

        public string Name { get; }

        public ConnectorComparisonAction Action { get; }

        /// <summary>Null for Unmanaged.</summary>
        public DesiredConnector? Desired { get; }

        /// <summary>Null for Create.</summary>
        public CurrentConnector? Current { get; }

        public KafkaConnectorPropertyChange[] Changes { get; }

        public ConnectorStateChange? StateChange { get; }

        /// <summary>
        /// Whether the connector should end paused: the file's initial_state, or *(decision)* when the file does not
        /// say, the state it has now (a connector paused for maintenance stays paused through a sync).
        /// </summary>
        public bool EndsPaused => Desired?.File.InitialState is ConnectorInitialState wanted
            ? wanted == ConnectorInitialState.Paused
            : Current != null && ConnectorHealth.IsPaused(Current.Clear);

        /// <summary>The state a create starts the connector in: a file's PAUSED or STOPPED is sent with the create.</summary>
        public ConnectorInitialState CreatedState =>
            StateChange == ConnectorStateChange.Pause ? ConnectorInitialState.Paused
            : StateChange == ConnectorStateChange.Stop ? ConnectorInitialState.Stopped
            : ConnectorInitialState.Running;

        public KafkaConnectorComparison ToComparison(string clusterId) => new KafkaConnectorComparison
        {
            Name = Name,
            Action = Action,
            Changes = Changes,
            StateChange = StateChange,
            Path = Desired?.File.Path,
            ConnectorId = Current?.Clear.ConnectorId,
            ClusterId = clusterId,
        };

        /// <summary>"Create Kafka connector (5 properties, then pause)" and the like: the action -WhatIf and -Confirm name.</summary>
        public string Describe()
        {
            string detail = ComparisonText.Summary(Changes, StateChange);
            switch (Action)
            {
                case ConnectorComparisonAction.Create:
                    return $"Create Kafka connector ({Desired!.Config.Values.Count} properties{(StateChange == null ? string.Empty : ", then " + StateChange.Value.ToString().ToLowerInvariant())})";
                case ConnectorComparisonAction.Unmanaged:
                    return "Remove Kafka connector (it is in no file; -Prune)";
                default:
                    return Changes.Length == 0 ? $"{StateChange} Kafka connector" : $"Update Kafka connector ({detail})";
            }
        }
    }

    /// <summary>Decides, connector by connector, what makes the cluster match the files.</summary>
    internal static class ConnectorSyncPlanner
    {
        /// <summary>
        /// Files first in their order, then the cluster's connectors that no file names. A name the cluster has twice
        /// is refused (<paramref name="ambiguous"/>): which one the file means cannot be known.
        /// </summary>
        public static List<PlannedConnector> Plan(DesiredConnectors desired, IReadOnlyList<CurrentConnector> current, out List<string> ambiguous)
        {
            var byName = current.GroupBy(c => c.Clear.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            ambiguous = byName.Where(pair => pair.Value.Count > 1).Select(pair => pair.Key).ToList();
            var plan = new List<PlannedConnector>();
            foreach (DesiredConnector connector in desired.Connectors)
            {
                if (!byName.TryGetValue(connector.Name, out List<CurrentConnector>? found))
                {
                    plan.Add(new PlannedConnector(connector.Name, ConnectorComparisonAction.Create, connector, null, ConnectorConfigDiff.Changes(new Dictionary<string, string>(), connector.Config), WantedAfterCreate(connector)));
                }
                else if (found.Count == 1)
                {
                    plan.Add(Compare(connector, found[0]));
                }
            }

            var named = new HashSet<string>(desired.Connectors.Select(c => c.Name).Concat(desired.RefusedNames), StringComparer.Ordinal);
            foreach (CurrentConnector unmanaged in current.Where(c => !named.Contains(c.Clear.Name)))
            {
                plan.Add(new PlannedConnector(unmanaged.Clear.Name, ConnectorComparisonAction.Unmanaged, null, unmanaged, Array.Empty<KafkaConnectorPropertyChange>(), null));
            }

            return plan;
        }

        private static PlannedConnector Compare(DesiredConnector connector, CurrentConnector current)
        {
            KafkaConnectorPropertyChange[] changes = ConnectorConfigDiff.Changes(current.Clear.Properties, connector.Config);
            bool paused = ConnectorHealth.IsPaused(current.Clear);
            bool stopped = ConnectorHealth.Reached(current.Clear, ConnectorGoal.Stopped) || string.Equals(current.Clear.ConnectorState, "STOPPED", StringComparison.OrdinalIgnoreCase);
            ConnectorStateChange? state = connector.File.InitialState switch
            {
                ConnectorInitialState.Paused when !paused => ConnectorStateChange.Pause,
                ConnectorInitialState.Stopped when !stopped => ConnectorStateChange.Stop,
                ConnectorInitialState.Running when paused || stopped => ConnectorStateChange.Resume,
                _ => null,
            };
            ConnectorComparisonAction action = changes.Length == 0 && state == null ? ConnectorComparisonAction.Unchanged : ConnectorComparisonAction.Update;
            return new PlannedConnector(connector.Name, action, connector, current, changes, state);
        }

        /// <summary>A new connector starts running; a file that asks for PAUSED or STOPPED starts it so.</summary>
        private static ConnectorStateChange? WantedAfterCreate(DesiredConnector connector) =>
            connector.File.InitialState == ConnectorInitialState.Paused ? ConnectorStateChange.Pause
            : connector.File.InitialState == ConnectorInitialState.Stopped ? ConnectorStateChange.Stop
            : (ConnectorStateChange?)null;
    }
}
