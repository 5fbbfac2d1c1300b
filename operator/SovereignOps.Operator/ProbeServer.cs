using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator;

/// <summary>
/// The /metrics, /healthz and /readyz endpoints. Bound to loopback when running locally so a developer
/// machine exposes nothing; bound to every interface in a cluster so the kubelet and Prometheus can reach it.
/// </summary>
public static class ProbeServer
{
    public static async Task<WebApplication> StartAsync(int port, bool loopbackOnly, RuntimeMetrics metrics, Func<bool> ready, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(loopbackOnly ? IPAddress.Loopback : IPAddress.Any, port));
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => ready() ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", async (CancellationToken ct) => Results.Text(await metrics.ExportAsync(ct), "text/plain; version=0.0.4"));
        await app.StartAsync(cancellationToken);
        return app;
    }
}
