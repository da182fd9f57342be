using System;
using Upstash.Kafka.Api;

namespace Upstash.Kafka
{
    /// <summary>
    /// A server this session can call: what Connect-UpstashKafka -PassThru returns, what -Connection takes, and what
    /// every connector object carries as the place it came from. Shows the kind, address, user and how it
    /// authenticates; no public member reaches the API key, password, bearer token or client certificate's key.
    /// </summary>
    public sealed class UpstashKafkaConnection
    {
        internal UpstashKafkaConnection(ApiConnection connection)
        {
            Api = connection;
        }

        public ServerKind Kind => Api.Kind;

        /// <summary>The base address calls go to.</summary>
        public Uri Uri => Api.BaseUri;

        /// <summary>The same address under the name earlier versions used.</summary>
        public Uri ApiUri => Api.BaseUri;

        /// <summary>The Upstash account email; empty for Kafka Connect.</summary>
        public string Email => Api.Kind == ServerKind.Upstash ? Api.Email : string.Empty;

        /// <summary>The user calls are made as: the account email on Upstash, the Basic-auth user on Kafka Connect.</summary>
        public string UserName => Api.Email;

        /// <summary>Basic, Bearer or None.</summary>
        public string Authentication => Api.Authentication;

        public bool SkipCertificateCheck => Api.SkipCertificateCheck;

        /// <summary>The client certificate's subject (mutual TLS), or null.</summary>
        public string? ClientCertificate => Api.ClientCertificate?.Subject;

        public TimeSpan Timeout => Api.Timeout;

        internal ApiConnection Api { get; }

        public override string ToString() => Kind + " " + Uri + (UserName.Length == 0 ? string.Empty : " as " + UserName);
    }
}
