using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// One HttpClient for the life of the module load: a client per call would open a new connection (and TLS
    /// handshake) every time and can exhaust sockets in a long runbook. Created on first use, so importing the
    /// module opens nothing.
    /// </summary>
    internal static class SharedHttpClient
    {
        private static readonly Lazy<HttpClient> Client = new Lazy<HttpClient>(Create, LazyThreadSafetyMode.ExecutionAndPublication);

        public static HttpClient Instance => Client.Value;

        private static HttpClient Create()
        {
            AllowTls12OnWindowsPowerShell();
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                // The API never redirects; following one could carry the request somewhere unexpected.
                AllowAutoRedirect = false,
            };
            if (IsNetFramework())
            {
                // .NET Framework allows 2 connections per host by default, which would hold Sync-UpstashKafkaConnector
                // -ThrottleLimit 8 to two requests at a time; .NET (pwsh) has no such limit.
                handler.MaxConnectionsPerServer = 32;
            }

            // Each request carries its own timeout (a linked CancellationTokenSource), so the client-wide one is off.
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        private static bool IsNetFramework() => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>
        /// Windows PowerShell 5.1 runs on .NET Framework, where HttpClient follows ServicePointManager and
        /// powershell.exe often starts with only SSL 3 and TLS 1.0 enabled: the API (TLS 1.2 only) would fail with a
        /// bare "underlying connection was closed". Add TLS 1.2 to what is allowed (never remove anything), as the
        /// PowerShell Gallery's own module does. 0 means "the OS decides", which already includes TLS 1.2.
        /// </summary>
        private static void AllowTls12OnWindowsPowerShell()
        {
            if (!IsNetFramework())
            {
                return;
            }

            SecurityProtocolType allowed = ServicePointManager.SecurityProtocol;
            if (allowed != 0 && (allowed & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = allowed | SecurityProtocolType.Tls12;
            }
        }
    }
}
