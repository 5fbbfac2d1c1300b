using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Http;
using SovereignOps.Sandbox.Patching;

namespace SovereignOps.Sandbox.Cluster;

/// <summary>
/// The admin endpoint for node faults: <c>GET /sandbox/nodes</c> lists the nodes whose kubelet is stopped;
/// <c>PUT /sandbox/nodes/{name}</c> with <c>{"ready": false}</c> stops the node's kubelet (<c>true</c> restarts it);
/// <c>DELETE /sandbox/nodes/{name}</c> removes the node and, through pod garbage collection, its pods.
/// </summary>
internal sealed class ClusterAdmin(SimulatedCluster cluster)
{
    private const string Prefix = "/sandbox/nodes";

    public async Task HandleAsync(HttpContext context, string path)
    {
        context.Items[RequestAccounting.ResourceKey] = "sandbox/nodes";
        var rest = path.Length > Prefix.Length ? path[Prefix.Length..].Trim('/') : "";
        if (path.Length > Prefix.Length && path[Prefix.Length] != '/')
        {
            await NotFoundAsync(context);
            return;
        }

        switch (context.Request.Method, rest.Length == 0)
        {
            case ("GET", true):
                await HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["stoppedKubelets"] = cluster.StoppedKubelets.ToJsonArray() });
                return;
            case ("PUT" or "POST", false):
                await SetReadyAsync(context, Uri.UnescapeDataString(rest));
                return;
            case ("DELETE", false):
                var removed = cluster.RemoveNode(Uri.UnescapeDataString(rest));
                if (!removed.Succeeded)
                {
                    await HttpResponses.WriteErrorAsync(context, removed.Error);
                    return;
                }

                await HttpResponses.WriteJsonAsync(context, 200, HttpResponses.Success(rest, "", "nodes", removed.Value.Object.Uid));
                return;
            default:
                await HttpResponses.WriteErrorAsync(context, ApiError.MethodNotAllowed("use GET /sandbox/nodes, PUT or DELETE /sandbox/nodes/{name}"));
                return;
        }
    }

    private async Task SetReadyAsync(HttpContext context, string node)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var parsed = PatchDocuments.ParseObject(buffer.ToArray());
        if (!parsed.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, parsed.Error);
            return;
        }

        if (parsed.Value["ready"] is not JsonValue value || !value.TryGetValue<bool>(out var ready))
        {
            await HttpResponses.WriteErrorAsync(context, ApiError.BadRequest("the body must be {\"ready\": true} or {\"ready\": false}"));
            return;
        }

        if (!cluster.SetNodeReady(node, ready))
        {
            await NotFoundAsync(context);
            return;
        }

        await HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["name"] = node, ["ready"] = ready });
    }

    private static Task NotFoundAsync(HttpContext context) =>
        HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
}
