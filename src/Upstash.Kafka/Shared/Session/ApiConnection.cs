using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Who calls the API and where: the account email, the API key (kept in its SecureString until a header is
    /// built) and the base address. Never prints the key.
    /// </summary>
    internal sealed class ApiConnection
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        public ApiConnection(string email, SecureString apiKey, Uri baseUri, TimeSpan timeout)
        {
            Email = email;
            ApiKey = apiKey;
            BaseUri = baseUri;
            Timeout = timeout;
        }

        public string Email { get; }

        public SecureString ApiKey { get; }

        public Uri BaseUri { get; }

        public TimeSpan Timeout { get; }

        /// <summary>How failed calls are retried unless a cmdlet's -MaxRetry/-MaxRetryDurationSec say otherwise.</summary>
        public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

        /// <summary>Where this connection came from, for verbose output ("-Credential", "Connect-UpstashKafka", ...).</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>The API key in clear, for the few places that must see it: building a header and redacting text.</summary>
        /// <remarks>
        /// Read straight out of the SecureString into a zeroed-after-use native copy. Not through NetworkCredential:
        /// it copies the SecureString first, and each copy is a finalizable native buffer; at two reveals per call
        /// the profiler found the finalizer thread busy releasing them, competing with the call on a small machine.
        /// </remarks>
        public string RevealApiKey()
        {
            IntPtr clear = IntPtr.Zero;
            try
            {
                clear = Marshal.SecureStringToGlobalAllocUnicode(ApiKey);
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

        public string BuildBasicAuthorization()
        {
            // The clear key lives only in this string and the base64 that replaces it.
            string pair = Email + ":" + RevealApiKey();
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }

        public override string ToString() => Email + " at " + BaseUri;
    }
}
