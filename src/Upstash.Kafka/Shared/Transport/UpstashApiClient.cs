using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Kafka.Api
{
    /// <summary>
    /// Sends calls to the server of a connection (Upstash's Developer API or a Kafka Connect REST API) and turns every way they can fail into an
    /// <see cref="UpstashApiException"/> with a status, a reason and the server's own (redacted) words.
    /// </summary>
    internal sealed partial class UpstashApiClient
    {
        /// <summary>Replies larger than this are refused rather than read into memory (lists are streamed instead).</summary>
        public const int MaxBodyBytes = 8 * 1024 * 1024;

        private readonly ApiConnection connection;
        private readonly IApiLog log;
        private readonly SecretRedactor redactor;
        private readonly string userAgent;
        private readonly RetryPolicy retry;
        private readonly HttpClient http;

        /// <summary>False when no one sees verbose lines: the per-request lines and their clock are then not built at all.</summary>
        private readonly bool verbose;

        public UpstashApiClient(ApiConnection connection, IApiLog log, SecretRedactor redactor, string userAgent, RetryPolicy retry)
        {
            this.connection = connection;
            this.log = log;
            this.redactor = redactor.AddRange(connection.RevealSecrets());
            http = SharedHttpClient.For(connection);
            this.userAgent = userAgent;
            this.retry = retry;
            verbose = !(log is IVerboseFilter filter) || filter.VerboseEnabled;
        }

        public IApiLog Log => log;

        /// <summary>The server this client calls; its kind chooses the connector implementation (see ConnectorServers).</summary>
        public ApiConnection Connection => connection;

        public RetryPolicy Retry => retry;

        public SecretRedactor Redactor => redactor;

        /// <summary>
        /// Send and read each reply on the calling thread (see <see cref="SharedHttpClient.Send"/>). Set it only where
        /// <see cref="SharedHttpClient.CanSendSynchronously"/> holds, and never for work that keeps several calls in
        /// flight from one thread (Sync-UpstashKafkaConnector), which a blocking send would make one at a time.
        /// </summary>
        public bool SendsSynchronously { get; set; }

        /// <summary>Sends the call and returns the reply's JSON value.</summary>
        public async Task<JToken> SendForJsonAsync(ApiCall call, CancellationToken cancellation)
        {
            string body = await SendAsync(call, cancellation).ConfigureAwait(false);
            try
            {
                return JsonReading.Parse(body);
            }
            catch (JsonException)
            {
                // A reply of a kind that carries secrets (a password, a connector's properties) is never quoted: cut
                // off, it cannot be parsed, so nothing in it can be found and masked.
                throw InvalidReply(
                    call,
                    body.Trim().Length == 0 ? "its body was empty"
                    : call.MaskReplyForDebug != null ? $"its body is not valid JSON ({body.Length} characters, not shown: this kind of reply carries secrets)"
                    : "its body is not valid JSON (" + ErrorBodyReader.Describe(redactor.Redact(body), null) + ")");
            }
        }

        /// <summary>Sends an action or delete. *(decision)* "OK", a bare OK and an empty body are all success.</summary>
        public async Task SendForOkAsync(ApiCall call, CancellationToken cancellation)
        {
            // Null when a delete found the object already gone after an ambiguous attempt: done.
            string body = (await SendAsync(call, cancellation).ConfigureAwait(false) ?? string.Empty).Trim();
            if (body.Length != 0 && body != "\"OK\"" && !string.Equals(body, "OK", StringComparison.OrdinalIgnoreCase))
            {
                log.Debug("The API confirmed with an unexpected body, taken as success: " + ErrorBodyReader.Describe(redactor.Redact(body), null));
            }
        }

        public static UpstashApiException InvalidReply(ApiCall call, string why) =>
            new UpstashApiException(ApiFailure.InvalidResponse, $"{call.Description} failed: the API answered with success, but {why}.");

        /// <summary>The reply's body as text, empty when it has none (a 204): for calls whose success comes in two shapes.</summary>
        public async Task<string> SendForTextAsync(ApiCall call, CancellationToken cancellation) =>
            await SendAsync(call, cancellation).ConfigureAwait(false) ?? string.Empty;

        private Task<string> SendAsync(ApiCall call, CancellationToken cancellation) =>
            SendCoreAsync(call, async (response, timeout, token) =>
            {
                string body = await ReadBodyAsync(call, response, SendsSynchronously, token).ConfigureAwait(false);
                ThrowIfFailed(call, response, body);
                if (log.DebugEnabled)
                {
                    string shown = call.MaskReplyForDebug != null ? call.MaskReplyForDebug(body) : body;
                    log.Debug("Response body: " + ErrorBodyReader.Summarize(redactor.Redact(shown), response.Content?.Headers.ContentType?.MediaType));
                }
                return body;
            }, cancellation);

        /// <summary>
        /// Sends the call, repeating it after transient failures when it is safe to (see <see cref="RetryPolicy"/>),
        /// within the attempt and time budget, and saying why in verbose each time.
        /// </summary>
        private async Task<T> SendCoreAsync<T>(
            ApiCall call,
            Func<HttpResponseMessage, CancellationTokenSource, CancellationToken, Task<T>> readReply,
            CancellationToken cancellation)
        {
            var budget = Stopwatch.StartNew();
            UpstashApiException? ambiguousEarlier = null;
            for (int retryNumber = 1; ; retryNumber++)
            {
                try
                {
                    return await SendAttemptAsync(call, readReply, cancellation).ConfigureAwait(false);
                }
                catch (UpstashApiException failure) when (failure.Failure == ApiFailure.NotFound && ambiguousEarlier != null)
                {
                    if (call.NotFoundAfterRetryMeansDone)
                    {
                        log.Verbose($"{call.Method} /{call.Path} answered 404 after an earlier attempt failed ({ambiguousEarlier.Reason}): that attempt must have done it, so this is done.");
                        return default!;
                    }

                    throw new UpstashApiException(
                        ApiFailure.NotFound,
                        failure.Message + $" An earlier attempt of this call failed without a clear answer ({ambiguousEarlier.Reason}), so it may have taken effect before the object was removed.",
                        failure.StatusCode,
                        failure.ServerMessage);
                }
                catch (UpstashApiException failure) when (call.Repeatable && !call.ItemsDelivered && RetryPolicy.IsTransient(failure))
                {
                    TimeSpan wait = RetryPolicy.DelayBefore(retryNumber, failure.RetryAfter);
                    string why = failure.StatusCode is int status ? $"the API answered {status}" : failure.Reason;
                    if (retryNumber > retry.MaxRetries || budget.Elapsed + wait > retry.MaxDuration)
                    {
                        throw new UpstashApiException(
                            failure.Failure,
                            failure.Message + $" (gave up after {retryNumber} attempt(s) in {budget.Elapsed.TotalSeconds:0.#} s)",
                            failure.StatusCode,
                            failure.ServerMessage) { RetryAfter = failure.RetryAfter };
                    }

                    if (RetryPolicy.IsAmbiguous(failure))
                    {
                        ambiguousEarlier = failure;
                    }

                    log.Verbose($"Retrying {call.Method} /{call.Path} in {wait.TotalSeconds:0.0#} s (retry {retryNumber} of {retry.MaxRetries}): {why}{(failure.RetryAfter != null ? ", which asked to wait (Retry-After)" : string.Empty)}.");
                    await Task.Delay(wait, cancellation).ConfigureAwait(false);
                }
            }
        }

        private async Task<T> SendAttemptAsync<T>(
            ApiCall call,
            Func<HttpResponseMessage, CancellationTokenSource, CancellationToken, Task<T>> readReply,
            CancellationToken cancellation)
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            using (HttpRequestMessage request = BuildRequest(call))
            {
                timeout.CancelAfter(connection.Timeout);
                if (verbose)
                {
                    log.Verbose($"{call.Method} /{call.Path}");
                }

                if (call.DebugBody != null && log.DebugEnabled)
                {
                    log.Debug("Request body: " + redactor.Redact(call.DebugBody));
                }

                Stopwatch? clock = verbose ? Stopwatch.StartNew() : null;
                try
                {
                    using (HttpResponseMessage response = SendsSynchronously
                        ? SharedHttpClient.Send(http, request, timeout.Token)
                        : await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        if (clock != null)
                        {
                            log.Verbose($"{call.Method} /{call.Path} answered {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms");
                        }

                        return await readReply(response, timeout, timeout.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new UpstashApiException(
                        ApiFailure.Timeout,
                        $"{call.Description} failed: {connection.Describe()} did not answer within {connection.Timeout.TotalSeconds:0.#} seconds.");
                }
                catch (Exception ex) when ((ex is HttpRequestException || ex is IOException) && cancellation.IsCancellationRequested)
                {
                    // Ctrl+C disposed the response under the reader: that is the stop the user asked for, not a fault.
                    throw new OperationCanceledException(cancellation);
                }
                catch (HttpRequestException ex)
                {
                    throw new UpstashApiException(
                        ApiFailure.ConnectionFailed,
                        $"{call.Description} failed: could not reach {connection.Describe()}: {redactor.Redact(InnermostMessage(ex))}")
                    {
                        NotSent = NeverConnected(ex),
                    };
                }
                catch (IOException ex)
                {
                    throw new UpstashApiException(
                        ApiFailure.ConnectionFailed,
                        $"{call.Description} failed: the connection to {connection.BaseUri} broke: {redactor.Redact(InnermostMessage(ex))}");
                }
            }
        }

        private void ThrowIfFailed(ApiCall call, HttpResponseMessage response, string? body)
        {
            int status = (int)response.StatusCode;
            if (status < 200 || status > 299)
            {
                UpstashApiException failure = Failed(call, status, response.ReasonPhrase, body ?? string.Empty, response.Content?.Headers.ContentType?.MediaType);
                failure.RetryAfter = RetryAfterOf(response);
                throw failure;
            }
        }

        /// <summary>Retry-After as seconds or as an HTTP date; null when absent or already past.</summary>
        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            RetryConditionHeaderValue? header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (header?.Date is DateTimeOffset date)
            {
                TimeSpan until = date - DateTimeOffset.UtcNow;
                return until > TimeSpan.Zero ? until : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>For the streaming path: reads the body only when the status says it is an error text.</summary>
        private static string? ReadErrorBody(ApiCall call, HttpResponseMessage response, CancellationToken cancellation)
        {
            int status = (int)response.StatusCode;
            return status >= 200 && status <= 299 ? null : ReadBodyAsync(call, response, synchronous: false, cancellation).GetAwaiter().GetResult();
        }

        private HttpRequestMessage BuildRequest(ApiCall call)
        {
            var request = new HttpRequestMessage(call.Method, new Uri(connection.BaseUri, call.Path));

            // Header texts we made ourselves, added as they are: the typed setters parsed them into header objects
            // on every request only for HttpClient to write the same text back (allocation profile, issue 14).
            string? authorization = connection.BuildAuthorization();
            if (authorization != null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            if (call.JsonBody != null)
            {
                request.Content = new StringContent(call.JsonBody, new UTF8Encoding(false), "application/json");
            }

            return request;
        }

        private static async Task<string> ReadBodyAsync(ApiCall call, HttpResponseMessage response, bool synchronous, CancellationToken cancellation)
        {
            if (response.Content == null)
            {
                return string.Empty;
            }

            using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (cancellation.Register(response.Dispose))
            {
                // One array sized one past the reply's Content-Length holds a whole reply, so an ordinary reply is
                // decoded straight from it; only a reply that fills it (no length, or a wrong one) is gathered in a
                // MemoryStream. The earlier MemoryStream plus chunk were two copies of every reply (benchmark).
                var chunk = new byte[Math.Max(BodyCapacity(response) + 1, 1024)];
                MemoryStream? gathered = null;
                int filled = 0;
                int read;
                try
                {
                    while ((read = synchronous
                        ? stream.Read(chunk, filled, chunk.Length - filled)
                        : await stream.ReadAsync(chunk, filled, chunk.Length - filled, cancellation).ConfigureAwait(false)) > 0)
                    {
                        filled += read;
                        if ((gathered?.Length ?? 0) + filled > MaxBodyBytes)
                        {
                            throw new UpstashApiException(
                                ApiFailure.InvalidResponse,
                                $"{call.Description} failed: the reply was larger than {MaxBodyBytes / (1024 * 1024)} MiB, which no single API object is.",
                                (int)response.StatusCode);
                        }

                        if (filled == chunk.Length)
                        {
                            gathered ??= new MemoryStream();
                            gathered.Write(chunk, 0, filled);
                            filled = 0;
                        }
                    }
                }
                catch (Exception ex) when ((ex is ObjectDisposedException || ex is IOException) && cancellation.IsCancellationRequested)
                {
                    // The timeout or Ctrl+C disposed the response under the reader (a blocking Read sees that as an
                    // IOException): a cancellation, not a broken connection.
                    throw new OperationCanceledException(cancellation);
                }

                var utf8 = new UTF8Encoding(false);
                if (gathered == null)
                {
                    return utf8.GetString(chunk, 0, filled);
                }

                using (gathered)
                {
                    gathered.Write(chunk, 0, filled);
                    return utf8.GetString(gathered.GetBuffer(), 0, (int)gathered.Length);
                }
            }
        }

        /// <summary>The reply's Content-Length when it is given and sane, else 16 KiB; reading never trusts it beyond that.</summary>
        private static int BodyCapacity(HttpResponseMessage response)
        {
            long? length = response.Content?.Headers.ContentLength;
            return length.HasValue && length.Value >= 0 && length.Value < 16 * 1024 ? (int)length.Value : 16 * 1024;
        }

        private UpstashApiException Failed(ApiCall call, int status, string? reasonPhrase, string body, string? mediaType)
        {
            if (connection.Kind == ServerKind.KafkaConnect)
            {
                // Kafka Connect may quote the submitted configuration back (a 400 "contains no connector type" repeats
                // the whole map): the redactor knows every secret value this call sent, so it is masked here.
                string text = redactor.Redact(ErrorBodyReader.DescribeKafkaConnect(body, mediaType, out string? stack));
                ApiFailure kind = ApiFailureExtensions.FromStatus(status, text, ServerKind.KafkaConnect);
                string tooOld = kind == ApiFailure.NotSupported ? " This Kafka Connect has no such endpoint or method: it is older than this feature needs." : string.Empty;
                return new UpstashApiException(kind, $"{call.Description} failed: {connection.Describe()} answered {status} {reasonPhrase}: {text}{AuthenticationHint(status)}{tooOld}", status, text)
                {
                    Details = stack == null ? null : redactor.Redact(stack),
                };
            }

            string serverText = redactor.Redact(ErrorBodyReader.Describe(body, mediaType));
            ApiFailure failure = ApiFailureExtensions.FromStatus(status, serverText);
            string message = $"{call.Description} failed: the API answered {status} {reasonPhrase}: {serverText}";
            return new UpstashApiException(failure, message, status, serverText);
        }

        /// <summary>What to check after a 401 or 403 from Kafka Connect, naming how this connection authenticates and nothing secret.</summary>
        private string AuthenticationHint(int status)
        {
            if (status != 401 && status != 403)
            {
                return string.Empty;
            }

            string how = connection.Authentication == "None"
                ? "this connection sends no credential; give Connect-UpstashKafka -KafkaConnectUri ... -Credential or -BearerToken"
                : $"this connection authenticates with {connection.Authentication}" + (connection.Email.Length > 0 ? $" as '{connection.Email}'" : string.Empty) + "; check that it may do this";
            return $" ({how}).";
        }

        /// <summary>Refused or unresolvable: no byte of the request reached a server, so even a create may be resent.</summary>
        private static bool NeverConnected(Exception ex)
        {
            for (Exception? inner = ex; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket &&
                    (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound))
                {
                    return true;
                }
            }

            return false;
        }

        private static string InnermostMessage(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex.Message;
        }
    }
}
