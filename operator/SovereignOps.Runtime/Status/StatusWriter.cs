using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Status;

/// <summary>
/// Writes a custom resource's status through the <c>/status</c> subresource, and only when it
/// differs from what the cache holds: the patch is the merge-patch difference between the cached
/// status and the desired one, and an empty difference is no request at all.
/// </summary>
public sealed class StatusWriter(KubeApi api, ILogger? logger = null)
{
    public const string FieldManager = "sovereignops-operator";

    private readonly ILogger _logger = (logger ?? Log.Logger).ForContext<StatusWriter>();

    /// <summary>The merge patch that would turn the live status into the desired one; null when they match.</summary>
    public static JsonObject? PatchFor(object? liveStatus, object? desiredStatus)
    {
        var from = liveStatus is null ? new JsonObject() : JsonNode.Parse(KubernetesJson.Serialize(liveStatus));
        var to = desiredStatus is null ? new JsonObject() : JsonNode.Parse(KubernetesJson.Serialize(desiredStatus));
        return JsonMergePatch.TryDiff(from, to, out var diff) ? new JsonObject { ["status"] = diff } : null;
    }

    /// <summary>
    /// Patches <c>/status</c> of <paramref name="live"/> to <paramref name="desired"/>. Returns true when
    /// a write was made, false when the status already matched.
    /// </summary>
    public async Task<ApiResult<bool>> UpdateAsync<T, TStatus>(T live, TStatus desired, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
        where TStatus : class
    {
        if (PatchFor(live.Status, desired) is not { } patch)
        {
            return ApiResult.Success(false);
        }

        var type = ResourceType.ForType(live.GetType());
        var key = type.KeyOf(live.Metadata);
        var result = await api.PatchAsync<T>(type, key, PatchType.Merge, patch.ToJsonString(),
            new PatchOptions { FieldManager = FieldManager, Subresource = "status" }, cancellationToken);
        if (!result.IsSuccess)
        {
            _logger.Warning("Status update of {Kind} {Key} failed: {Error}", type.Kind, key, result.Error);
            return result.Error;
        }

        return ApiResult.Success(true);
    }
}
