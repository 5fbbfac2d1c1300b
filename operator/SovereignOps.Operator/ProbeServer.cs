using System.Net;
using System.Net.Sockets;
using System.Text;
using Serilog;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator;

/// <summary>
/// The /metrics, /healthz and /readyz endpoints. Bound to loopback when running locally so a developer
/// machine exposes nothing; bound to every interface in a cluster so the kubelet and Prometheus can reach it.
/// </summary>
/// <remarks>
/// Three read-only endpoints need no web host: this answers HTTP/1.x GET and HEAD requests on a plain
/// socket, one request per connection, and keeps a web framework's assemblies, dependency injection and
/// start-up out of every operator process (see docs/PERFORMANCE.md). Requests are bounded: headers of
/// at most 8 KiB that arrive within 5 s, and at most 32 connections at once.
/// </remarks>
public sealed class ProbeServer : IAsyncDisposable
{
    internal const int MaxRequestBytes = 8 * 1024;
    internal const int MaxConnections = 32;
    internal static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private const string PlainText = "text/plain; charset=utf-8";
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    private readonly TcpListener listener;
    private readonly RuntimeMetrics metrics;
    private readonly Func<bool> ready;
    private readonly CancellationTokenSource stopping;
    private readonly SemaphoreSlim connections = new(MaxConnections, MaxConnections);
    private readonly Task serving;

    private ProbeServer(TcpListener listener, RuntimeMetrics metrics, Func<bool> ready, CancellationToken cancellationToken)
    {
        this.listener = listener;
        this.metrics = metrics;
        this.ready = ready;
        stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        serving = Task.Run(ServeAsync, CancellationToken.None);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Starts listening; throws <see cref="SocketException"/> when the port cannot be bound.</summary>
    public static Task<ProbeServer> StartAsync(int port, bool loopbackOnly, RuntimeMetrics metrics, Func<bool> ready, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(ready);
        var listener = new TcpListener(loopbackOnly ? IPAddress.Loopback : IPAddress.Any, port);
        try
        {
            listener.Start(backlog: 64);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return Task.FromResult(new ProbeServer(listener, metrics, ready, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        listener.Dispose();
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                await connections.WaitAsync(stopping.Token);
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                Log.Warning("Probe server could not accept a connection: {Reason}", exception.Message);
                connections.Release();

                // Out of file descriptors and the like: do not spin while it lasts.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
                continue;
            }

            _ = Task.Run(() => ConnectionAsync(socket), CancellationToken.None);
        }
    }

    private async Task ConnectionAsync(Socket socket)
    {
        try
        {
            using (socket)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                timeout.CancelAfter(RequestTimeout);
                var response = await AnswerAsync(socket, timeout.Token);
                await socket.SendAsync(response, SocketFlags.None, timeout.Token);
                await LingerAsync(socket, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client was too slow, went away, or the server is stopping: nothing is left to answer.
        }
        catch (Exception exception)
        {
            Log.Warning(exception, "Probe request failed");
        }
        finally
        {
            connections.Release();
        }
    }

    /// <summary>
    /// Ends the connection gracefully: closing a socket with unread input resets it, which can cost the client
    /// the response it was sent (a 431 after an oversized request). Reads and drops what is left, boundedly.
    /// </summary>
    private static async Task LingerAsync(Socket socket, CancellationToken cancellationToken)
    {
        socket.Shutdown(SocketShutdown.Send);
        var scratch = new byte[4096];
        for (var drained = 0; drained < 16 * MaxRequestBytes;)
        {
            var read = await socket.ReceiveAsync(scratch, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return;
            }

            drained += read;
        }
    }

    private async Task<byte[]> AnswerAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        int end;
        while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (length == buffer.Length)
            {
                return Response(431, "Request Header Fields Too Large", PlainText, "request headers over 8 KiB\n", head: false);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return Response(400, "Bad Request", PlainText, "incomplete request\n", head: false);
            }

            length += read;
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, end).IndexOf("\r\n"u8) is var eol and >= 0 ? eol : end);
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Response(400, "Bad Request", PlainText, "expected an HTTP/1.x request line\n", head: false);
        }

        var (method, target) = (parts[0], parts[1]);
        var head = method == "HEAD";
        if (method != "GET" && !head)
        {
            return Response(405, "Method Not Allowed", PlainText, "only GET and HEAD are served\n", head: false, allow: true);
        }

        var path = target.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 ? target[..query] : target;
        switch (path)
        {
            case "/healthz":
                return Response(200, "OK", PlainText, "ok\n", head);
            case "/readyz":
                return ready()
                    ? Response(200, "OK", PlainText, "ok\n", head)
                    : Response(503, "Service Unavailable", PlainText, "not ready\n", head);
            case "/metrics":
                return Response(200, "OK", PrometheusText, await metrics.ExportAsync(cancellationToken), head);
            default:
                return Response(404, "Not Found", PlainText, "not found; serving /healthz, /readyz and /metrics\n", head);
        }
    }

    private static byte[] Response(int status, string reason, string contentType, string body, bool head, bool allow = false)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var headers = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\n"
            + (allow ? "Allow: GET, HEAD\r\n" : "")
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n");
        return head ? headers : [.. headers, .. content];
    }
}
