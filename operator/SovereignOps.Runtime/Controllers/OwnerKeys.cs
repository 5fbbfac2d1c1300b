using k8s;
using k8s.Models;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// Finds the key of the owner a child belongs to: its controller owner reference when that points
/// at the owner's kind, otherwise the owner-uid inventory label resolved through the owner cache
/// (children a namespaced owner may not reference: cluster-scoped ones, or ones in other namespaces).
/// </summary>
public static class OwnerKeys
{
    public static ResourceKey? Find<TOwner>(IKubernetesObject<V1ObjectMeta> child, ObjectCache<TOwner> owners)
        where TOwner : class, IKubernetesObject<V1ObjectMeta>
    {
        var ownerType = owners.Type;
        if (OwnerReferences.ControllerOf(child) is { } reference
            && reference.Kind == ownerType.Kind
            && reference.ApiVersion == ownerType.ApiVersion)
        {
            return new ResourceKey(ownerType.Namespaced ? child.Metadata.NamespaceProperty : null, reference.Name);
        }

        if (child.Metadata.Labels is { } labels
            && labels.TryGetValue(Inventory.OwnerKindLabel, out var kind) && kind == ownerType.Kind
            && labels.TryGetValue(Inventory.OwnerUidLabel, out var uid)
            && owners.GetByUid(uid) is { } owner)
        {
            return ownerType.KeyOf(owner.Metadata);
        }

        return null;
    }
}
