using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Upstash.Kafka
{
    /// <summary>
    /// A Kafka cluster as the Upstash API describes it. The API sends the cluster's password in clear; here it lives
    /// only inside <see cref="Credential"/> as a SecureString, so the object is safe to print, log, export and pipe on.
    /// </summary>
    public sealed class KafkaCluster
    {
        public string ClusterId { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        /// <summary>eu-west-1 or us-east-1 in the docs.</summary>
        public string? Region { get; set; }

        /// <summary>free or paid.</summary>
        public string? Type { get; set; }

        public bool Multizone { get; set; }

        /// <summary>host:port of the Kafka protocol endpoint.</summary>
        public string? TcpEndpoint { get; set; }

        public string? RestEndpoint { get; set; }

        /// <summary>active, or deleted.</summary>
        public string? State { get; set; }

        /// <summary>The Kafka user name and password (SASL/SCRAM); null when the reply carried none.</summary>
        public PSCredential? Credential { get; set; }

        /// <summary>In bytes.</summary>
        public long? MaxRetentionSize { get; set; }

        /// <summary>The API's milliseconds as a TimeSpan.</summary>
        public TimeSpan? MaxRetentionTime { get; set; }

        public long? MaxMessagesPerSecond { get; set; }

        /// <summary>In bytes.</summary>
        public long? MaxMessageSize { get; set; }

        public int? MaxPartitions { get; set; }

        public DateTimeOffset? CreationTime { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text (secret-looking ones masked).</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// The Upstash connection this cluster was read from: a cluster piped on (to Get-UpstashKafkaConnector, say)
        /// is asked about on the server it lives on, whatever the session's default.
        /// </summary>
        public UpstashKafkaConnection? Connection { get; set; }

        public override string ToString() => Name;
    }
}
