using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Who calls which server and how: the kind of server, the base address, the user (the Upstash account email, or a
    /// Kafka Connect user), the secret (API key, password or bearer token; each kept in its SecureString until a
    /// header is built) and the TLS choices. Never prints a secret.
    /// </summary>
    internal sealed class ApiConnection
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// *(decision, from the contract)* Kafka Connect abandons a request after 90 s and answers 500 itself; 120 s
        /// leaves room for one forwarding hop between workers and a proxy, so our timeout never cuts off a call the
        /// server would still have completed.
        /// </summary>
        public static readonly TimeSpan DefaultKafkaConnectTimeout = TimeSpan.FromSeconds(120);

        private UpstashKafkaConnection? shown;

        /// <summary>An Upstash connection: Basic auth with the account email and the API key.</summary>
        public ApiConnection(string email, SecureString apiKey, Uri baseUri, TimeSpan timeout)
            : this(ServerKind.Upstash, baseUri, timeout, email, apiKey, bearerToken: null)
        {
        }

        private ApiConnection(ServerKind kind, Uri baseUri, TimeSpan timeout, string userName, SecureString? password, SecureString? bearerToken)
        {
            Kind = kind;
            BaseUri = baseUri;
            Timeout = timeout;
            Email = userName;
            ApiKey = password;
            BearerToken = bearerToken;
        }

        /// <summary>A Kafka Connect connection: no auth, Basic auth (a user name and password) or a bearer token.</summary>
        public static ApiConnection KafkaConnect(Uri baseUri, TimeSpan timeout, string? userName, SecureString? password, SecureString? bearerToken) =>
            new ApiConnection(ServerKind.KafkaConnect, baseUri, timeout, userName ?? string.Empty, password, bearerToken);

        public ServerKind Kind { get; }

        /// <summary>The Upstash account email, or the Kafka Connect Basic-auth user ("" without one).</summary>
        public string Email { get; }

        /// <summary>The API key (Upstash) or the Basic-auth password (Kafka Connect); null without Basic auth.</summary>
        public SecureString? ApiKey { get; }

        public SecureString? BearerToken { get; }

        public Uri BaseUri { get; }

        public TimeSpan Timeout { get; }

        /// <summary>Accept any server certificate (a lab's self-signed one). Never the default.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Sent when the server asks for one (mutual TLS).</summary>
        public X509Certificate2? ClientCertificate { get; set; }

        /// <summary>How failed calls are retried unless a cmdlet's -MaxRetry/-MaxRetryDurationSec say otherwise.</summary>
        public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

        /// <summary>Where this connection came from, for verbose output ("-Credential", "Connect-UpstashKafka", ...).</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>What the server reports about itself (Kafka Connect's GET /), read once per connection when needed.</summary>
        internal object? ServerInfo { get; set; }

        /// <summary>"Upstash API at https://api.upstash.com/" or "Kafka Connect at http://connect:8083/", for messages.</summary>
        public string Describe() => (Kind == ServerKind.KafkaConnect ? "Kafka Connect at " : "the Upstash API at ") + BaseUri;

        /// <summary>"Basic", "Bearer", "None": how calls authenticate, for the connection object and verbose lines.</summary>
        public string Authentication => BearerToken != null ? "Bearer" : ApiKey != null ? "Basic" : "None";

        /// <summary>The object users see and pass around; it holds this connection, never shows a secret, and is made once.</summary>
        public UpstashKafkaConnection Public => shown ??= new UpstashKafkaConnection(this);

        /// <summary>The API key or password in clear, for the few places that must see it: building a header and redacting text.</summary>
        /// <remarks>
        /// Read straight out of the SecureString into a zeroed-after-use native copy. Not through NetworkCredential:
        /// it copies the SecureString first, and each copy is a finalizable native buffer; at two reveals per call
        /// the profiler found the finalizer thread busy releasing them, competing with the call on a small machine.
        /// </remarks>
        public string RevealApiKey() => Reveal(ApiKey);

        /// <summary>Every secret this connection holds, in clear, so a redactor can mask them in any text.</summary>
        public string[] RevealSecrets() => new[] { Reveal(ApiKey), Reveal(BearerToken) };

        /// <summary>The Authorization header's value, or null when the server takes none.</summary>
        public string? BuildAuthorization()
        {
            if (BearerToken != null)
            {
                return "Bearer " + Reveal(BearerToken);
            }

            if (ApiKey == null)
            {
                return null;
            }

            // The clear key lives only in this string and the base64 that replaces it.
            string pair = Email + ":" + RevealApiKey();
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }

        public override string ToString() => Email.Length == 0 ? Describe() : Email + " at " + BaseUri;

        private static string Reveal(SecureString? secret)
        {
            if (secret == null)
            {
                return string.Empty;
            }

            IntPtr clear = IntPtr.Zero;
            try
            {
                clear = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(clear) ?? string.Empty;
            }
            finally
            {
                if (clear != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(clear);
                }
            }
        }
    }
}
