using k8s;
using k8s.Models;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// Labels every rendered object carries so the operator can find what it manages and prune what it
/// no longer renders: the manager, the profile the object belongs to and, when the owning resource
/// comes from a cluster, its uid.
/// </summary>
public static class InventoryLabels
{
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string OwnerUid = "sovereignops.io/owner-uid";
    public const string Manager = "sovereignops";

    public static IReadOnlyDictionary<string, string> For(string profile, IKubernetesObject<V1ObjectMeta> owner)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ManagedBy] = Manager,
            [PartOf] = profile,
        };
        if (owner.Metadata?.Uid is { Length: > 0 } uid)
        {
            labels[OwnerUid] = uid;
        }

        return labels;
    }
}
