using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Runtime.Apply;

/// <summary>
/// Applies an owner's children with server-side apply under one field manager, and prunes the ones
/// it no longer renders. Before each apply the body is compared with the cached live object; when
/// the live object already satisfies it no request is made, which is what keeps a steady-state
/// reconcile at zero writes. Kinds without an informer are always applied and pruned from a list.
/// </summary>
public sealed class Applier(KubeApi api, InformerSet informers, ILogger? logger = null)
{
    public const string FieldManager = "sovereignops-operator";

    private readonly ILogger _logger = (logger ?? Log.Logger).ForContext<Applier>();

    public Task<ApiResult<ApplyOutcome>> ApplyAsync(IKubernetesObject<V1ObjectMeta> owner, string partOf, IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken)
    {
        var type = ResourceType.ForType(child.GetType());
        return SendAsync(type, type.KeyOf(child.Metadata), ApplyBody.Build(owner, partOf, child), cancellationToken);
    }

    /// <summary>Applies a child given as JSON of its kind (see <see cref="ApplyBody.Build(IKubernetesObject{V1ObjectMeta}, string, ResourceType, JsonObject)"/>).</summary>
    public Task<ApiResult<ApplyOutcome>> ApplyAsync(IKubernetesObject<V1ObjectMeta> owner, string partOf, ResourceType type, ResourceKey key, JsonObject child, CancellationToken cancellationToken) =>
        SendAsync(type, key, ApplyBody.Build(owner, partOf, type, child), cancellationToken);

    /// <summary>Sends the body unless the cached live object already satisfies it.</summary>
    private async Task<ApiResult<ApplyOutcome>> SendAsync(ResourceType type, ResourceKey key, JsonObject body, CancellationToken cancellationToken)
    {
        if (informers.Get(type, key) is { } live)
        {
            using var liveJson = ApiJson.ToDocument(live);
            if (LiveComparison.Satisfies(body, liveJson.RootElement))
            {
                return ApiResult.Success(ApplyOutcome.Unchanged);
            }
        }

        var result = await api.PatchAsync(type, key, PatchType.Apply, body.ToJsonString(),
            new PatchOptions { FieldManager = FieldManager, Force = true }, cancellationToken);
        if (!result.IsSuccess)
        {
            _logger.Warning("Apply of {Kind} {Child} failed: {Error}", type.Kind, key, result.Error);
            return result.Error;
        }

        _logger.Information("Applied {Kind} {Child}", type.Kind, key);
        return ApiResult.Success(ApplyOutcome.Applied);
    }

    /// <summary>
    /// Deletes the owner's children of the given kinds that are not in <paramref name="keep"/>:
    /// objects carrying the owner's uid label, found in the informer caches. Each delete is
    /// conditional on the uid, so a namesake created since the cache saw the object survives.
    /// Returns how many deletes were issued.
    /// </summary>
    public Task<ApiResult<int>> PruneAsync(IKubernetesObject<V1ObjectMeta> owner, IEnumerable<ResourceType> kinds, IEnumerable<IKubernetesObject<V1ObjectMeta>> keep, CancellationToken cancellationToken) =>
        PruneAsync(owner, kinds, keep.Select(o => (ResourceType.ForType(o.GetType()), ResourceType.ForType(o.GetType()).KeyOf(o.Metadata))).ToHashSet(), cancellationToken);

    /// <summary>As above, with the objects to keep given by kind and key.</summary>
    public async Task<ApiResult<int>> PruneAsync(IKubernetesObject<V1ObjectMeta> owner, IEnumerable<ResourceType> kinds, IReadOnlySet<(ResourceType Type, ResourceKey Key)> kept, CancellationToken cancellationToken)
    {
        var ownerUid = owner.Metadata.Uid ?? throw new ArgumentException("the owner has no uid", nameof(owner));
        var deleted = 0;
        ApiError? firstError = null;
        foreach (var type in kinds.Distinct())
        {
            var found = await FindChildrenAsync(type, ownerUid, cancellationToken);
            if (!found.IsSuccess)
            {
                firstError ??= found.Error;
                continue;
            }

            foreach (var child in found.Value)
            {
                var key = type.KeyOf(child.Metadata);
                if (kept.Contains((type, key)) || child.Metadata.DeletionTimestamp is not null)
                {
                    continue;
                }

                var result = await api.DeleteAsync(type, key, new DeleteOptions { Uid = child.Metadata.Uid }, cancellationToken);
                if (!result.IsSuccess)
                {
                    _logger.Warning("Pruning {Kind} {Child} failed: {Error}", type.Kind, key, result.Error);
                    firstError ??= result.Error;
                    continue;
                }

                if (result.Value)
                {
                    deleted++;
                    _logger.Information("Pruned {Kind} {Child}, no longer rendered", type.Kind, key);
                }
            }
        }

        return firstError is null ? ApiResult.Success(deleted) : firstError;
    }

    private async Task<ApiResult<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>>> FindChildrenAsync(ResourceType type, string ownerUid, CancellationToken cancellationToken)
    {
        if (informers.For(type) is { } informer)
        {
            return ApiResult.Success(informer.ListByLabel(Inventory.OwnerUidLabel, ownerUid));
        }

        var children = new List<IKubernetesObject<V1ObjectMeta>>();
        string? continueToken = null;
        do
        {
            var page = await api.ListAsync<PartialObject>(type, new ListRequest
            {
                LabelSelector = $"{Inventory.OwnerUidLabel}={ownerUid}",
                Limit = 500,
                Continue = continueToken,
            }, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            children.AddRange(page.Value.Items);
            continueToken = page.Value.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return ApiResult.Success<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>>(children);
    }
}
