using System;
using System.Collections.Generic;

namespace Upstash.Kafka
{
    /// <summary>
    /// A Kafka connector, from Upstash or from a Kafka Connect cluster (see <see cref="Connection"/>). Secret property
    /// values are masked unless the user asked for them in clear, so the object is safe to print, log, export and
    /// pipe on. On Kafka Connect the name is the only key, so <see cref="ConnectorId"/> is the name.
    /// </summary>
    public sealed class KafkaConnector
    {
        public string ConnectorId { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string? CustomerId { get; set; }

        public string ClusterId { get; set; } = string.Empty;

        public DateTimeOffset? CreationTime { get; set; }

        /// <summary>Null while the connector exists (the API sends 0).</summary>
        public DateTimeOffset? DeletionTime { get; set; }

        /// <summary>The module's lifecycle state: pending, running, failed, paused, restarting, stopped (Kafka Connect's UNASSIGNED is pending).</summary>
        public string? State { get; set; }

        public string? StateErrorMessage { get; set; }

        /// <summary>Kafka Connect's own status once deployed: RUNNING, PAUSED, FAILED, ...; empty before.</summary>
        public string? ConnectorState { get; set; }

        /// <summary>The Kafka Connect worker running the connector instance, when the server says (Kafka Connect only).</summary>
        public string? WorkerId { get; set; }

        public KafkaConnectorTask[] Tasks { get; set; } = Array.Empty<KafkaConnectorTask>();

        /// <summary>source or sink, as Kafka Connect reports it ("unknown" while it cannot tell); empty on Upstash.</summary>
        public string? Type { get; set; }

        public string[] Topics { get; set; } = Array.Empty<string>();

        public string? ConnectorClass { get; set; }

        /// <summary>The configuration; secret values read "********" unless asked for with -IncludeSecret.</summary>
        public ConnectorProperties Properties { get; set; } = new ConnectorProperties();

        public string? EncodedUsername { get; set; }

        public DateTimeOffset? Ttl { get; set; }

        /// <summary>True when <see cref="Properties"/> holds masked values (the clear ones were never kept here).</summary>
        public bool SecretsMasked { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text (secret-looking ones masked).</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// The server this connector was read from. Cmdlets given this object act on that server (unless -Connection
        /// says otherwise), so a connector read from Kafka Connect is never paused or removed on another server.
        /// </summary>
        public UpstashKafkaConnection? Connection { get; set; }

        public override string ToString() => Name;
    }
}
