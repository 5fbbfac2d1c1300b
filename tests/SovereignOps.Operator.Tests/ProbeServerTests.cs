using System.Net;
using SovereignOps.Operator;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator.Tests;

public sealed class ProbeServerTests
{
    [Fact]
    public async Task Serves_health_readiness_and_metrics_on_loopback()
    {
        var ready = false;
        var port = FreePort();
        await using var app = await ProbeServer.StartAsync(port, loopbackOnly: true, new RuntimeMetrics(), () => ready, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        ready = true;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
