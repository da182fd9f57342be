using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Upstash.Kafka
{
    /// <summary>
    /// A Kafka topic as the Upstash API describes it. The API returns the topic's password in clear; here it exists
    /// only inside <see cref="Credential"/>, as a SecureString, so the object is safe to print, log, export and pipe on.
    /// </summary>
    public sealed class KafkaTopic
    {
        public string TopicId { get; set; } = string.Empty;

        /// <summary>The topic's name (the API's topic_name); cannot change.</summary>
        public string Name { get; set; } = string.Empty;

        public string ClusterId { get; set; } = string.Empty;

        public string? Region { get; set; }

        public DateTimeOffset? CreationTime { get; set; }

        public string? State { get; set; }

        /// <summary>Can only grow.</summary>
        public int? Partitions { get; set; }

        public bool? Multizone { get; set; }

        public string? TcpEndpoint { get; set; }

        public string? RestEndpoint { get; set; }

        /// <summary>The Kafka user name clients of this topic log in with.</summary>
        public string? Username { get; set; }

        /// <summary>The Kafka user name and password for a client of this topic; the password never appears as text.</summary>
        public PSCredential? Credential { get; set; }

        /// <summary>delete or compact; cannot change.</summary>
        public string? CleanupPolicy { get; set; }

        /// <summary>Bytes kept per partition before the oldest messages go.</summary>
        public long? RetentionSize { get; set; }

        /// <summary>How long messages are kept (the API's milliseconds).</summary>
        public TimeSpan? RetentionTime { get; set; }

        /// <summary>The largest message the topic accepts, in bytes.</summary>
        public long? MaxMessageSize { get; set; }

        /// <summary>Fields the API sent that this version does not know, as JSON text (secret-looking ones masked).</summary>
        public Dictionary<string, string> AdditionalFields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public override string ToString() => Name;
    }
}
