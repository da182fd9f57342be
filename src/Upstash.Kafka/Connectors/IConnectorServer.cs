using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// What a connector cmdlet asks of a server, whatever kind it is. The cmdlets, the waiter, create recovery, sync,
    /// redaction and the views are written once against this; each kind of server implements it in a folder of its
    /// own (UpstashApi/, KafkaConnect/), and <see cref="ConnectorServers.For"/> picks one by the connection's kind.
    /// A third kind of server is a third folder and a new <see cref="ServerKind"/>.
    /// </summary>
    /// <remarks>
    /// Every connector returned carries the connection it came from; every secret property is masked unless asked for;
    /// every failure is an <see cref="UpstashApiException"/>, and one thrown for an operation the server cannot do
    /// (<see cref="ApiFailure.NotSupported"/>) is thrown before anything is sent.
    /// </remarks>
    internal interface IConnectorServer
    {
        /// <summary>"cluster 7568..." or "Kafka Connect at http://...": where connectors are, for messages.</summary>
        string Where(string? clusterId);

        /// <summary>Creates a connector exactly once, in the state asked for; a lost reply is recovered, never resent blindly.</summary>
        Task<KafkaConnector> CreateAsync(ConnectorCreation creation, CancellationToken cancellation);

        /// <summary>One connector with its configuration and status.</summary>
        Task<KafkaConnector> GetAsync(string connectorId, bool includeSecrets, CancellationToken cancellation);

        /// <summary>The connector of this name (in <paramref name="clusterId"/> on Upstash), in clear; null when there is none.</summary>
        Task<KafkaConnector?> FindAsync(string name, string? clusterId, CancellationToken cancellation);

        /// <summary>The connector's state and tasks, as cheaply as the server allows (its configuration may be left out): what the waiter polls.</summary>
        Task<KafkaConnector> GetStatusAsync(string connectorId, CancellationToken cancellation);

        /// <summary>
        /// Every connector (of <paramref name="clusterId"/>, or of every cluster when null, on a server that has
        /// clusters), each handed on as soon as it is read; a cluster that cannot be listed goes to <paramref name="onClusterFailed"/>.
        /// </summary>
        Task ListAsync(string? clusterId, bool includeSecrets, Action<KafkaConnector> onConnector, Action<string, UpstashApiException>? onClusterFailed, CancellationToken cancellation);

        /// <summary>Every connector of <paramref name="clusterId"/>, read once and handed on both in clear and masked (compare and sync).</summary>
        Task ListAsync(string? clusterId, Action<KafkaConnector, KafkaConnector> onClearAndMasked, CancellationToken cancellation);

        /// <summary>Sends the complete configuration, so repeating it leaves the same result.</summary>
        Task<KafkaConnector> ReconfigureAsync(string connectorId, IReadOnlyDictionary<string, string> properties, Dictionary<string, string> maskedProperties, CancellationToken cancellation);

        Task PauseAsync(string connectorId, CancellationToken cancellation);

        Task ResumeAsync(string connectorId, CancellationToken cancellation);

        Task StopAsync(string connectorId, CancellationToken cancellation);

        Task RestartAsync(string connectorId, ConnectorRestart restart, CancellationToken cancellation);

        Task DeleteAsync(string connectorId, CancellationToken cancellation);
    }

    /// <summary>What New-UpstashKafkaConnector (and Sync) asks a server to create.</summary>
    internal sealed class ConnectorCreation
    {
        public ConnectorCreation(string name, string? clusterId, IReadOnlyDictionary<string, string> properties, Dictionary<string, string> maskedProperties)
        {
            Name = name;
            ClusterId = clusterId;
            Properties = properties;
            MaskedProperties = maskedProperties;
        }

        public string Name { get; }

        /// <summary>Upstash's cluster; ignored by a server without clusters.</summary>
        public string? ClusterId { get; }

        /// <summary>In clear: what is sent.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; }

        /// <summary>Masked: what is shown.</summary>
        public Dictionary<string, string> MaskedProperties { get; }

        public ConnectorInitialState InitialState { get; set; } = ConnectorInitialState.Running;
    }

    /// <summary>What a restart covers: everything, only what failed, or some tasks.</summary>
    internal sealed class ConnectorRestart
    {
        public static readonly ConnectorRestart Everything = new ConnectorRestart(false, Array.Empty<int>());

        public ConnectorRestart(bool onlyFailed, int[] taskIds)
        {
            OnlyFailed = onlyFailed;
            TaskIds = taskIds;
        }

        public bool OnlyFailed { get; }

        /// <summary>Just these tasks; empty for the connector and all its tasks.</summary>
        public int[] TaskIds { get; }
    }
}
