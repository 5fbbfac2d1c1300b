using k8s;
using k8s.Models;
using SovereignOps.Operator.Cluster;
using SovereignOps.Operator.Desired;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// Makes an owner's children exactly the rendered set: each object applied in dependency order
/// (the applier sends nothing when the live object already matches), then every child of the owner
/// that is no longer rendered pruned. An owner that may deploy nothing passes an empty set.
/// </summary>
public sealed class ChildSync(Applier applier, ClusterInformers informers)
{
    /// <summary>Applies and prunes; returns the number of writes made, or the first error.</summary>
    public async Task<ApiResult<int>> SyncAsync(IKubernetesObject<V1ObjectMeta> owner, string partOf, IReadOnlyList<DesiredObject> objects, CancellationToken cancellationToken)
    {
        var writes = 0;
        foreach (var desired in objects.OrderBy(o => o.KindRank))
        {
            var applied = await applier.ApplyAsync(owner, partOf, desired.Type, desired.Key, desired.Body(), cancellationToken);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }

            writes += applied.Value == ApplyOutcome.Applied ? 1 : 0;
        }

        var pruned = await applier.PruneAsync(owner, informers.ChildKinds, objects.Select(o => (o.Type, o.Key)).ToHashSet(), cancellationToken);
        return pruned.IsSuccess ? ApiResult.Success(writes + pruned.Value) : pruned.Error;
    }
}
