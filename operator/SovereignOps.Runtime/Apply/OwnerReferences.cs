using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Apply;

/// <summary>Controller owner references, and the rule for when one may be set at all.</summary>
public static class OwnerReferences
{
    /// <summary>
    /// Whether the garbage collector accepts <paramref name="owner"/> as an owner of the child: a
    /// cluster-scoped owner may own anything; a namespaced owner only objects in its own namespace.
    /// A reference outside that rule is treated as a missing owner and can get the child deleted,
    /// so such children are tied to their owner by the inventory labels alone.
    /// </summary>
    public static bool CanOwn(ResourceType ownerType, V1ObjectMeta owner, ResourceType childType, V1ObjectMeta child) =>
        CanOwn(ownerType, owner, childType, child.NamespaceProperty);

    public static bool CanOwn(ResourceType ownerType, V1ObjectMeta owner, ResourceType childType, string? childNamespace) =>
        !ownerType.Namespaced || (childType.Namespaced && owner.NamespaceProperty == childNamespace);

    public static V1OwnerReference ControllerReference(ResourceType ownerType, V1ObjectMeta owner) => new()
    {
        ApiVersion = ownerType.ApiVersion,
        Kind = ownerType.Kind,
        Name = owner.Name,
        Uid = owner.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>The owner reference marked as controller, if any.</summary>
    public static V1OwnerReference? ControllerOf(IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
}
