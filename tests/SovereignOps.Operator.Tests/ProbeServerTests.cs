using System.Net;
using System.Net.Sockets;
using System.Text;
using SovereignOps.Operator;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator.Tests;

public sealed class ProbeServerTests
{
    [Fact]
    public async Task Serves_health_readiness_and_metrics_on_loopback()
    {
        var ready = false;
        var metrics = new RuntimeMetrics();
        metrics.ReconcileTotal.WithLabels("ModelDeployment", "done").Inc();
        await using var server = await ProbeServer.StartAsync(0, loopbackOnly: true, metrics, () => ready, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        ready = true;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz?verbose", UriKind.Relative))).StatusCode);

        using var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=0.0.4", scrape.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("sovereignops_reconcile_total{", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_unknown_paths_other_methods_and_head_as_http_requires()
    {
        await using var server = await ProbeServer.StartAsync(0, loopbackOnly: true, new RuntimeMetrics(), () => true, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        using var post = await http.PostAsync(new Uri("/metrics", UriKind.Relative), new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/healthz", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(3, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Refuses_garbage_oversized_headers_and_slow_clients_without_stopping()
    {
        await using var server = await ProbeServer.StartAsync(0, loopbackOnly: true, new RuntimeMetrics(), () => true, CancellationToken.None);

        Assert.StartsWith("HTTP/1.1 400 ", await RawAsync(server.Port, "NOT HTTP AT ALL\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 431 ", await RawAsync(server.Port, "GET /healthz HTTP/1.1\r\nX-Big: " + new string('a', ProbeServer.MaxRequestBytes) + "\r\n\r\n"), StringComparison.Ordinal);

        // A client that never finishes its request is cut off, and holds nothing up meanwhile.
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, server.Port);
        await slow.GetStream().WriteAsync("GET /healthz HTTP/1.1\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 200 ", await RawAsync(server.Port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"), StringComparison.Ordinal);
        var closed = await slow.GetStream().ReadAsync(new byte[64]).AsTask().WaitAsync(ProbeServer.RequestTimeout * 3);
        Assert.Equal(0, closed);
    }

    [Fact]
    public async Task A_busy_port_is_a_socket_error_at_start()
    {
        await using var first = await ProbeServer.StartAsync(0, loopbackOnly: true, new RuntimeMetrics(), () => true, CancellationToken.None);
        var error = await Assert.ThrowsAsync<SocketException>(() => ProbeServer.StartAsync(first.Port, loopbackOnly: true, new RuntimeMetrics(), () => true, CancellationToken.None));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    private static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
