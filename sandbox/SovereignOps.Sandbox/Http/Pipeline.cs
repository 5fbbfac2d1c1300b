using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Discovery;
using SovereignOps.Sandbox.Faults;
using SovereignOps.Sandbox.Metrics;
using SovereignOps.Sandbox.OpenApi;

namespace SovereignOps.Sandbox.Http;

/// <summary>
/// The request pipeline: health and version without credentials; everything else needs the bearer token;
/// then request accounting, fault injection, and routing to discovery, OpenAPI, metrics, the fault admin
/// endpoint or the resource handler.
/// </summary>
internal sealed class Pipeline(
    ResourceApi api,
    ResourceHandler resources,
    OpenApiDocuments openApi,
    FaultAdmin faultAdmin,
    ClusterAdmin clusterAdmin,
    FaultInjector faults,
    SandboxMetrics metrics,
    string token,
    string serverAddress,
    JsonObject version,
    TextWriter? log)
{
    private readonly byte[] _expectedAuthorization = Encoding.UTF8.GetBytes("Bearer " + token);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case "/version":
                await HttpResponses.WriteJsonAsync(context, 200, version);
                return;
            default:
                break;
        }

        if (!Authenticated(context))
        {
            await HttpResponses.WriteErrorAsync(context, ApiError.Unauthorized());
            Count(context, "unknown");
            return;
        }

        try
        {
            await RouteAsync(context, path);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An unexpected failure is a server bug: answer 500 as the API server would, and report it.
            log?.WriteLine($"sandbox: {context.Request.Method} {context.Request.Path}{context.Request.QueryString} failed: {e}");
            if (!context.Response.HasStarted)
            {
                await HttpResponses.WriteErrorAsync(context, ApiError.Internal(e.Message));
            }
        }
        finally
        {
            Count(context, null);
        }
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        if (path == "/metrics")
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            await context.Response.WriteAsync(metrics.Render(), context.RequestAborted);
            return;
        }

        if (path.StartsWith("/sandbox/faults", StringComparison.Ordinal))
        {
            await faultAdmin.HandleAsync(context, path);
            return;
        }

        if (path.StartsWith("/sandbox/nodes", StringComparison.Ordinal))
        {
            await clusterAdmin.HandleAsync(context, path);
            return;
        }

        if (!path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/openapi", StringComparison.Ordinal))
        {
            await HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        var info = RequestInfo.Parse(path);
        var verb = info is null ? "get" : VerbOf(context, info);
        var decision = faults.Decide(verb);
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, context.RequestAborted);
        }

        if (decision.Failure is not null)
        {
            context.Items[RequestAccounting.VerbKey] = verb;
            await HttpResponses.WriteErrorAsync(context, decision.Failure);
            return;
        }

        if (info is not null)
        {
            await resources.HandleAsync(context, info);
            return;
        }

        if (path.StartsWith("/openapi", StringComparison.Ordinal))
        {
            await openApi.HandleAsync(context, path);
            return;
        }

        await ServeDiscoveryAsync(context, path);
    }

    private async Task ServeDiscoveryAsync(HttpContext context, string path)
    {
        var registry = api.Registry.Current;
        var parts = path.Trim('/').Split('/');
        var aggregated = AggregatedDiscoveryVersion(context.Request);
        JsonObject? document = parts switch
        {
            ["api"] when aggregated is not null => DiscoveryDocuments.Aggregated(registry, legacy: true, aggregated),
            ["apis"] when aggregated is not null => DiscoveryDocuments.Aggregated(registry, legacy: false, aggregated),
            ["api"] => DiscoveryDocuments.CoreVersions(serverAddress),
            ["apis"] => DiscoveryDocuments.GroupList(registry),
            ["api", var v] => registry.Groups.FirstOrDefault(g => g.Name.Length == 0) is { } core && core.Versions.Contains(v)
                ? DiscoveryDocuments.ResourceList(core, v)
                : null,
            ["apis", var g] => registry.Groups.FirstOrDefault(x => x.Name == g && g.Length > 0) is { } group ? DiscoveryDocuments.Group(group) : null,
            ["apis", var g, var v] => registry.Groups.FirstOrDefault(x => x.Name == g && g.Length > 0) is { } group && group.Versions.Contains(v)
                ? DiscoveryDocuments.ResourceList(group, v)
                : null,
            _ => null,
        };
        if (document is null)
        {
            await HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        var contentType = aggregated is not null && parts.Length == 1
            ? $"application/json;g=apidiscovery.k8s.io;v={aggregated.Split('/')[1]};as=APIGroupDiscoveryList"
            : HttpResponses.JsonContentType;
        await HttpResponses.WriteJsonAsync(context, 200, document, contentType);
    }

    /// <summary>The aggregated discovery apiVersion the client accepts (v2 preferred), or null for the legacy documents.</summary>
    private static string? AggregatedDiscoveryVersion(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (!accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
        {
            return null;
        }

        if (accept.Contains("v=v2;", StringComparison.Ordinal) || accept.Contains("v=v2,", StringComparison.Ordinal) || accept.EndsWith("v=v2", StringComparison.Ordinal))
        {
            return "apidiscovery.k8s.io/v2";
        }

        return accept.Contains("v=v2beta1", StringComparison.Ordinal) ? "apidiscovery.k8s.io/v2beta1" : null;
    }

    private static string VerbOf(HttpContext context, RequestInfo info) => (context.Request.Method, info.Name) switch
    {
        ("GET", null) when info.LegacyWatch || QueryParameters.Flag(context.Request, "watch") => "watch",
        ("GET", null) => "list",
        ("GET", _) => "get",
        ("POST", _) => "create",
        ("PUT", _) => "update",
        ("PATCH", _) => "patch",
        ("DELETE", null) => "deletecollection",
        ("DELETE", _) => "delete",
        _ => context.Request.Method.ToLowerInvariant(),
    };

    private bool Authenticated(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var given = Encoding.UTF8.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(given, _expectedAuthorization);
    }

    private void Count(HttpContext context, string? verbOverride)
    {
        var verb = verbOverride ?? context.Items[RequestAccounting.VerbKey] as string ?? context.Request.Method.ToLowerInvariant();
        var resource = context.Items[RequestAccounting.ResourceKey] as string ?? "";
        metrics.CountRequest(verb, resource, context.Request.Headers.UserAgent.ToString(), context.Response.StatusCode);
    }
}
