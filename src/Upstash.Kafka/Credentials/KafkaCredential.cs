using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Upstash.Kafka
{
    /// <summary>
    /// A Kafka credential (an ACL user for one topic, a topic prefix or every topic) as the Upstash API describes it.
    /// The API sends its password in clear; here it lives only inside <see cref="Credential"/> as a SecureString.
    /// </summary>
    public sealed class KafkaCredential
    {
        public string CredentialId { get; set; } = string.Empty;

        /// <summary>The API's credential_name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>A topic name, a prefix ending in *, or * for every topic.</summary>
        public string? Topic { get; set; }

        /// <summary>All, Produce or Consume (the API's ALL, PRODUCE, CONSUME).</summary>
        public string? Permission { get; set; }

        public string ClusterId { get; set; } = string.Empty;

        public string? ClusterSlug { get; set; }

        /// <summary>The Kafka user name and password for a client's SASL settings; null when the reply carried none.</summary>
        public PSCredential? Credential { get; set; }

        public string? State { get; set; }

        public DateTimeOffset? CreationTime { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text (secret-looking ones masked).</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public override string ToString() => Name;
    }
}
