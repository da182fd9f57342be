using System;
using System.Collections.Generic;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// One connector as a file describes it: Kafka Connect's POST /connectors body (name, config, optional
    /// initial_state) or a connect-standalone .properties file. Config values are as written, ${env:...} references
    /// unresolved (see <see cref="EnvReferences"/>), in the file's order.
    /// </summary>
    internal sealed class ConnectorFile
    {
        public ConnectorFile(string name, IReadOnlyList<KeyValuePair<string, string>> config, ConnectorInitialState? initialState, string? path, ConnectorFileFormat format)
        {
            Name = name;
            ConfigInOrder = config;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in config)
            {
                map[pair.Key] = pair.Value;
            }

            Config = map;
            InitialState = initialState;
            Path = path;
            Format = format;
        }

        /// <summary>The connector's name: the JSON's top-level "name", or the .properties file's name= line.</summary>
        public string Name { get; }

        /// <summary>The configuration without the .properties file's name= line (a JSON config keeps a "name" it has).</summary>
        public IReadOnlyDictionary<string, string> Config { get; }

        /// <summary>The same configuration in the order the file has it, so a file written back reads the same way.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> ConfigInOrder { get; }

        /// <summary>The state the connector should be in; null when the file does not say (then it is left as it is).</summary>
        public ConnectorInitialState? InitialState { get; }

        /// <summary>The full path the connector was read from; null when it came from text.</summary>
        public string? Path { get; }

        public ConnectorFileFormat Format { get; }

        /// <summary>"'orders' (/repo/connectors/orders.json)": how messages name a connector and its file.</summary>
        public override string ToString() => Path == null ? $"'{Name}'" : $"'{Name}' ({Path})";
    }

    /// <summary>The two ways a connector is written to a file.</summary>
    public enum ConnectorFileFormat
    {
        /// <summary>Kafka Connect's POST /connectors body: {"name": ..., "config": {...}, "initial_state": ...}.</summary>
        Json,

        /// <summary>connect-standalone's connector file: name=... and the configuration, java.util.Properties escaping.</summary>
        Properties,
    }

    /// <summary>
    /// The state a connector starts in (Kafka Connect's initial_state, KIP-980): what New-UpstashKafkaConnector
    /// -InitialState and a file ask for. Stopped is Kafka Connect's only (3.5+); connector files do not take it yet.
    /// </summary>
    public enum ConnectorInitialState
    {
        Running,
        Paused,
        Stopped,
    }
}
