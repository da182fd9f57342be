using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Upstash.Kafka.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server that answers every request with the same raw bytes: HTML pages, cut-off bodies, wrong
/// content, replies that never come. Shows how the module copes with what no well-behaved server sends.
/// </summary>
public sealed class FixedReplyServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] reply;
    private readonly TimeSpan delay;
    private readonly TimeSpan holdOpen;

    /// <param name="delay">Wait this long before answering (a server that never answers).</param>
    /// <param name="holdOpen">Keep the connection open this long after writing (a body that never finishes).</param>
    public FixedReplyServer(string rawResponse, TimeSpan delay = default, TimeSpan holdOpen = default)
    {
        string head = rawResponse.Split("\n\n")[0];
        reply = Encoding.UTF8.GetBytes(head.Replace("\n", "\r\n") + "\r\n\r\n" + rawResponse[(head.Length + Math.Min(2, rawResponse.Length - head.Length))..]);
        this.delay = delay;
        this.holdOpen = holdOpen;
        listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public int RequestCount;

    /// <summary>A complete response with a body and the right Content-Length.</summary>
    public static string Response(int status, string reason, string contentType, string body) =>
        $"HTTP/1.1 {status} {reason}\nContent-Type: {contentType}\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\nConnection: close\n\n{body}";

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                var buffer = new byte[65536];
                int read = await stream.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    return;
                }

                Interlocked.Increment(ref RequestCount);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, stop.Token);
                }

                await stream.WriteAsync(reply, stop.Token);
                await stream.FlushAsync(stop.Token);
                if (holdOpen > TimeSpan.Zero)
                {
                    await Task.Delay(holdOpen, stop.Token);
                }
            }
            catch (Exception)
            {
                // The client went away or the server is stopping.
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
