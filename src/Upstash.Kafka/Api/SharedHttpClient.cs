using System;
using System.Net;
using System.Net.Http;
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
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                // The API never redirects; following one could carry the request somewhere unexpected.
                AllowAutoRedirect = false,
            };

            // Each request carries its own timeout (a linked CancellationTokenSource), so the client-wide one is off.
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
