using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
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

        /// <summary>
        /// HttpClient.Send, the synchronous send of .NET 5 and later (PowerShell 7.1+); null on .NET Framework and
        /// .NET Core 3.1, which have only SendAsync. Found by reflection because this assembly targets netstandard2.0.
        /// </summary>
        private static readonly Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? SendMethod = FindSend();

        /// <summary>
        /// Clients for connections with their own TLS choices (-SkipCertificateCheck, a client certificate): one per
        /// choice, kept for the module's life like the shared one. Keyed by the certificate's thumbprint, so a
        /// runbook that connects again with the same certificate reuses its connection pool.
        /// </summary>
        private static readonly ConcurrentDictionary<string, HttpClient> TlsClients = new ConcurrentDictionary<string, HttpClient>(StringComparer.Ordinal);

        public static HttpClient Instance => Client.Value;

        /// <summary>The client for this connection: the shared one unless it changes how TLS is checked or answered.</summary>
        public static HttpClient For(ApiConnection connection)
        {
            if (!connection.SkipCertificateCheck && connection.ClientCertificate == null)
            {
                return Instance;
            }

            string key = (connection.SkipCertificateCheck ? "skip|" : "check|") + connection.ClientCertificate?.Thumbprint;
            return TlsClients.GetOrAdd(key, _ => Create(connection.SkipCertificateCheck, connection.ClientCertificate));
        }

        /// <summary>
        /// UPSTASH_KAFKA_ASYNC_SEND=1 keeps every call on SendAsync, as in Windows PowerShell: a way out should a proxy
        /// or a handler refuse synchronous sends, and how the tests prove that path on .NET 10. Read for each command,
        /// so setting it takes effect at once, as the other UPSTASH_ variables do.
        /// </summary>
        public const string AsyncSendVariable = "UPSTASH_KAFKA_ASYNC_SEND";

        /// <summary>Whether <see cref="Send"/> can be used in this runtime, and is not turned off.</summary>
        public static bool CanSendSynchronously => SendMethod != null && Environment.GetEnvironmentVariable(AsyncSendVariable) != "1";

        /// <summary>
        /// Sends on the calling thread and blocks it until the reply's headers are read. A cmdlet waits for its reply
        /// anyway; waiting in the socket read itself skips the hand-offs of SendAsync (the socket engine thread, a
        /// pool thread, then waking the pipeline thread), which on a 2-core machine cost more than the request
        /// (benchmark, issue 14). Only for HTTP/1.1 requests, which are all this module sends.
        /// </summary>
        public static HttpResponseMessage Send(HttpClient client, HttpRequestMessage request, CancellationToken cancellation) =>
            SendMethod!(client, request, HttpCompletionOption.ResponseHeadersRead, cancellation);

        private static Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? FindSend()
        {
            MethodInfo? send = typeof(HttpClient).GetMethod(
                "Send",
                BindingFlags.Public | BindingFlags.Instance,
                null,
                new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) },
                null);
            return send == null || send.ReturnType != typeof(HttpResponseMessage)
                ? null
                : (Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                    typeof(Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>), send);
        }

        private static HttpClient Create() => Create(skipCertificateCheck: false, clientCertificate: null);

        private static HttpClient Create(bool skipCertificateCheck, X509Certificate2? clientCertificate)
        {
            AllowTls12OnWindowsPowerShell();
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                // The API never redirects; following one could carry the request somewhere unexpected.
                AllowAutoRedirect = false,
            };
            if (skipCertificateCheck)
            {
                // Asked for by name (-SkipCertificateCheck), for a lab's self-signed listener; never the default.
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true;
            }

            if (clientCertificate != null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(clientCertificate);
            }

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
