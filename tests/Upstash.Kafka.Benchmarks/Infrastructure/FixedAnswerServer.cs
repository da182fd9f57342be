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
    private int connections;
    private long requests;

    public FixedAnswerServer()
    {
        listener.Start(512);
        _ = AcceptLoopAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>TCP connections accepted so far (an import that connects anywhere shows up here).</summary>
    public int Connections => Volatile.Read(ref connections);

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Makes GET /v2/kafka/connectors/{clusterId} answer with a generated list of <paramref name="count"/> connectors.</summary>
    public void AddCluster(string clusterId, int count) => listSizes[clusterId] = count;

    private static byte[] Response(int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        string head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
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
                await AnswerAsync(stream, head);
                Buffer.BlockCopy(buffer, requestLength, buffer, 0, filled - requestLength);
                filled -= requestLength;
            }
        }
        catch (Exception)
        {
            // The client went away or the server is stopping.
        }
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

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
