namespace SovereignOps.Runtime.Apply;

/// <summary>
/// The labels and annotation every child the operator applies carries. The owner's uid label is
/// what pruning selects on and what maps a child back to its owner when an owner reference is not
/// allowed (a namespaced owner cannot own a cluster-scoped object or one in another namespace).
/// </summary>
public static class Inventory
{
    /// <summary>Always <see cref="ManagedByValue"/>: lets ops teams select everything the operator made.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "sovereignops";

    /// <summary>The SovereignProfile (customer) the child belongs to.</summary>
    public const string PartOfLabel = "app.kubernetes.io/part-of";

    /// <summary>The uid of the custom resource that rendered the child.</summary>
    public const string OwnerUidLabel = "sovereignops.io/owner-uid";

    /// <summary>The kind of that custom resource, so <c>kubectl get -l</c> can ask for e.g. every ModelDeployment child.</summary>
    public const string OwnerKindLabel = "sovereignops.io/owner-kind";

    /// <summary>
    /// A digest of everything the operator last applied to the child. A field dropped from the
    /// desired state changes the digest, which is how a no-op check on the live object (which cannot
    /// tell a field we stopped setting from one we still set) still notices the removal.
    /// </summary>
    public const string AppliedHashAnnotation = "sovereignops.io/applied-hash";
}
