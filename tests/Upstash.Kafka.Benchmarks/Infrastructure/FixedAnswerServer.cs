using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Upstash.Kafka.Benchmarks.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on loopback that answers the connector endpoints with fixed, precomputed
/// replies, so the server's own cost is small and the same for every client measured. Lists are generated while they
/// are sent (chunked), so a 100,000-connector list costs the server no memory and starts arriving at once.
/// </summary>
/// <remarks>
/// For the migration part it can also play a slow server: a latency added before every answer (each connection waits
/// on its own, so requests in flight on several connections wait side by side, never one after another), and
/// <see cref="Answer"/>, a hook that answers any request it knows (a stateful fake) before the fixed answers.
/// </remarks>
public sealed class FixedAnswerServer : IDisposable
{
    private const int ListChunkBytes = 64 * 1024;

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> listSizes = new(StringComparer.Ordinal);
    private readonly byte[] createReply = Response(200, ConnectorJson.Created());
    private readonly byte[] getReply = Response(200, ConnectorJson.WithProperties(ConnectorJson.ConnectorId, "orders"));
    private readonly byte[] notFoundReply = Response(404, "{\"error\":\"not found\"}");
    private KafkaConnectReplies? kafkaConnect;
    private readonly TimeSpan latency;
    private int connections;
    private long requests;
    private int inFlight;
    private int maxInFlight;
    private long busyTicks;
    private long firstRequestStamp;
    private long lastAnswerStamp;

    /// <param name="latency">Added before every answer (Task.Delay on the request's own connection); zero adds nothing.</param>
    public FixedAnswerServer(TimeSpan latency = default)
    {
        this.latency = latency;
        listener.Start(512);
        _ = AcceptLoopAsync();
    }

    /// <summary>
    /// Answers a request before the fixed answers do: the bytes to send (see <see cref="Reply"/>), or null to leave it to
    /// them. Called on the request's connection, several at once. Set it before any client connects.
    /// </summary>
    public Func<ServedRequest, byte[]?>? Answer { get; set; }

    /// <summary>The most requests the server was answering at one moment since <see cref="ResetConcurrency"/> (the added latency included).</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>The requests' time in the server added up (from the request read to the answer written), since <see cref="ResetConcurrency"/>.</summary>
    public TimeSpan BusyTime => TimeSpan.FromTicks(Interlocked.Read(ref busyTicks));

    /// <summary>From the first request read to the last answer written since <see cref="ResetConcurrency"/>: the time the server was in use.</summary>
    public TimeSpan ActiveSpan
    {
        get
        {
            long first = Interlocked.Read(ref firstRequestStamp);
            long last = Interlocked.Read(ref lastAnswerStamp);
            return first == 0 || last < first ? TimeSpan.Zero : System.Diagnostics.Stopwatch.GetElapsedTime(first, last);
        }
    }

    public void ResetConcurrency()
    {
        Volatile.Write(ref maxInFlight, 0);
        Interlocked.Exchange(ref busyTicks, 0);
        Interlocked.Exchange(ref firstRequestStamp, 0);
        Interlocked.Exchange(ref lastAnswerStamp, 0);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>TCP connections accepted so far (an import that connects anywhere shows up here).</summary>
    public int Connections => Volatile.Read(ref connections);

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Makes GET /v2/kafka/connectors/{clusterId} answer with a generated list of <paramref name="count"/> connectors.</summary>
    public void AddCluster(string clusterId, int count) => listSizes[clusterId] = count;

    /// <summary>Requests to the Kafka Connect paths so far, by path and by sender (see <see cref="ServeKafkaConnect"/>).</summary>
    public KafkaConnectCounts KafkaConnectRequests { get; } = new();

    /// <summary>
    /// Makes the server a Kafka Connect REST API as well, at its root: GET / answers <paramref name="rootJson"/>,
    /// GET /connectors?expand=status&amp;expand=info the precomputed <paramref name="expandListJson"/>, and POST /connectors
    /// 201 with <paramref name="createdJson"/> (a ConnectorInfo). The Upstash paths all start with /v2/, so both kinds are
    /// served side by side.
    /// </summary>
    public void ServeKafkaConnect(string rootJson, byte[] expandListJson, string createdJson, string createdName) =>
        kafkaConnect = new KafkaConnectReplies(
            Response(200, rootJson),
            Response(200, expandListJson),
            Response(201, Encoding.UTF8.GetBytes(createdJson), $"Location: {BaseUri}connectors/{Uri.EscapeDataString(createdName)}\r\n"));

    /// <summary>A complete HTTP/1.1 reply with a JSON body, for <see cref="Answer"/>; <paramref name="extraHeaders"/> end in CRLF each.</summary>
    public static byte[] Reply(int status, string json, string extraHeaders = "") => Response(status, Encoding.UTF8.GetBytes(json), extraHeaders);

    private static byte[] Response(int status, string json) => Response(status, Encoding.UTF8.GetBytes(json));

    private static byte[] Response(int status, byte[] body, string extraHeaders = "")
    {
        string reason = status switch { 200 => "OK", 201 => "Created", 409 => "Conflict", _ => "Not Found" };
        string head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    /// <summary>Reads requests one after another on one connection (keep-alive) and answers each.</summary>
    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        byte[] buffer = new byte[16 * 1024];
        int filled = 0;
        try
        {
            while (true)
            {
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(filled), stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                string head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                int requestLength = headerEnd + HeaderEnd.Length + ContentLength(head);
                while (filled < requestLength)
                {
                    if (requestLength > buffer.Length)
                    {
                        Array.Resize(ref buffer, requestLength);
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(filled), stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                Interlocked.Increment(ref requests);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.CompareExchange(ref firstRequestStamp, started, 0);
                int now = Interlocked.Increment(ref inFlight);
                for (int seen = Volatile.Read(ref maxInFlight); now > seen; seen = Volatile.Read(ref maxInFlight))
                {
                    if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen)
                    {
                        break;
                    }
                }

                try
                {
                    if (latency > TimeSpan.Zero)
                    {
                        await Task.Delay(latency, stop.Token);
                    }

                    Func<ServedRequest, byte[]?>? answer = Answer;
                    byte[]? answered = answer?.Invoke(Request(head, buffer.AsSpan(headerEnd + HeaderEnd.Length, requestLength - headerEnd - HeaderEnd.Length)));
                    if (answered != null)
                    {
                        await stream.WriteAsync(answered, stop.Token);
                    }
                    else
                    {
                        await AnswerAsync(stream, head);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                    long ended = System.Diagnostics.Stopwatch.GetTimestamp();
                    Interlocked.Add(ref busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started, ended).Ticks);
                    for (long last = Interlocked.Read(ref lastAnswerStamp); ended > last; last = Interlocked.Read(ref lastAnswerStamp))
                    {
                        if (Interlocked.CompareExchange(ref lastAnswerStamp, ended, last) == last)
                        {
                            break;
                        }
                    }
                }

                Buffer.BlockCopy(buffer, requestLength, buffer, 0, filled - requestLength);
                filled -= requestLength;
            }
        }
        catch (Exception)
        {
            // The client went away or the server is stopping.
        }
    }

    private static ServedRequest Request(string head, ReadOnlySpan<byte> body)
    {
        int lineEnd = head.IndexOf('\r', StringComparison.Ordinal);
        string[] requestLine = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        return new ServedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", head, Encoding.UTF8.GetString(body));
    }

    private async Task AnswerAsync(NetworkStream stream, string head)
    {
        int lineEnd = head.IndexOf('\r', StringComparison.Ordinal);
        string[] requestLine = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        string method = requestLine[0];
        string path = requestLine.Length > 1 ? requestLine[1] : "/";
        const string ListPrefix = "/v2/kafka/connectors/";
        if (method == "POST" && path == "/v2/kafka/connector")
        {
            await stream.WriteAsync(createReply, stop.Token);
        }
        else if (method == "GET" && path.StartsWith("/v2/kafka/connector/", StringComparison.Ordinal))
        {
            await stream.WriteAsync(getReply, stop.Token);
        }
        else if (method == "GET" && path.StartsWith(ListPrefix, StringComparison.Ordinal)
            && listSizes.TryGetValue(Uri.UnescapeDataString(path[ListPrefix.Length..]), out int count))
        {
            await StreamListAsync(stream, count);
        }
        else if (kafkaConnect is KafkaConnectReplies connect && (path == "/" || path.StartsWith("/connectors", StringComparison.Ordinal)))
        {
            await stream.WriteAsync(KafkaConnectRequests.Count(method, path, head, connect, notFoundReply), stop.Token);
        }
        else
        {
            await stream.WriteAsync(notFoundReply, stop.Token);
        }
    }

    /// <summary>Sends a JSON array of generated connectors in chunks, each connector with its own id and name.</summary>
    private async Task StreamListAsync(NetworkStream stream, int count)
    {
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), stop.Token);
        byte[] chunk = new byte[ListChunkBytes + 4096];
        int length = 0;
        chunk[length++] = (byte)'[';
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                chunk[length++] = (byte)',';
            }

            length += ConnectorJson.WriteListItem(chunk.AsSpan(length), i);
            if (length >= ListChunkBytes)
            {
                await WriteChunkAsync(stream, chunk, length);
                length = 0;
            }
        }

        chunk[length++] = (byte)']';
        await WriteChunkAsync(stream, chunk, length);
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), stop.Token);
    }

    private async Task WriteChunkAsync(NetworkStream stream, byte[] data, int length)
    {
        byte[] size = new byte[12];
        Utf8Formatter.TryFormat(length, size, out int written, new System.Buffers.StandardFormat('x'));
        size[written++] = (byte)'\r';
        size[written++] = (byte)'\n';
        await stream.WriteAsync(size.AsMemory(0, written), stop.Token);
        await stream.WriteAsync(data.AsMemory(0, length), stop.Token);
        await stream.WriteAsync("\r\n"u8.ToArray(), stop.Token);
    }

    private static int ContentLength(string head)
    {
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>One request as <see cref="Answer"/> sees it: the method, the path with its query, the head and the body.</summary>
    public sealed record ServedRequest(string Method, string Path, string Head, string Body);

    internal sealed record KafkaConnectReplies(byte[] Root, byte[] ExpandList, byte[] Created);

    /// <summary>
    /// Kafka Connect requests by path, and how many of them the module sent (its User-Agent starts "Upstash.Kafka/";
    /// Invoke-RestMethod's does not), so a benchmark can tell the module's requests per list from the hand-written ones.
    /// </summary>
    public sealed class KafkaConnectCounts
    {
        private long list;
        private long moduleList;
        private long root;
        private long moduleRoot;
        private long create;
        private long moduleCreate;
        private long other;
        private long moduleOther;

        /// <summary>GET /connectors?expand=status&amp;expand=info: all senders, and the module's.</summary>
        public (long All, long Module) List => (Interlocked.Read(ref list), Interlocked.Read(ref moduleList));

        /// <summary>GET / (the version).</summary>
        public (long All, long Module) Root => (Interlocked.Read(ref root), Interlocked.Read(ref moduleRoot));

        /// <summary>POST /connectors.</summary>
        public (long All, long Module) Create => (Interlocked.Read(ref create), Interlocked.Read(ref moduleCreate));

        /// <summary>Any other Kafka Connect path (answered 404).</summary>
        public (long All, long Module) Other => (Interlocked.Read(ref other), Interlocked.Read(ref moduleOther));

        internal byte[] Count(string method, string path, string head, KafkaConnectReplies replies, byte[] notFound)
        {
            bool module = head.Contains("\r\nUser-Agent: Upstash.Kafka/", StringComparison.OrdinalIgnoreCase);
            if (method == "GET" && path == "/")
            {
                Add(ref root, ref moduleRoot, module);
                return replies.Root;
            }

            if (method == "GET" && path.StartsWith("/connectors?", StringComparison.Ordinal) && path.Contains("expand=status", StringComparison.Ordinal) && path.Contains("expand=info", StringComparison.Ordinal))
            {
                Add(ref list, ref moduleList, module);
                return replies.ExpandList;
            }

            if (method == "POST" && path == "/connectors")
            {
                Add(ref create, ref moduleCreate, module);
                return replies.Created;
            }

            Add(ref other, ref moduleOther, module);
            return notFound;
        }

        private static void Add(ref long all, ref long byModule, bool module)
        {
            Interlocked.Increment(ref all);
            if (module)
            {
                Interlocked.Increment(ref byModule);
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
