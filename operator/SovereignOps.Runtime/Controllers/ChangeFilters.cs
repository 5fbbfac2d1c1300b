using k8s;
using k8s.Models;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// Which informer events are worth a reconcile. Most updates a busy cluster produces are status
/// writes (the operator's own among them) and heartbeats; a controller that wakes for each of them
/// does the same work again and again. Adds and deletes always pass; watch errors never do.
/// </summary>
public static class ChangeFilters
{
    /// <summary>
    /// What a reconcile of the object itself acts on: generation, labels, annotations, finalizers,
    /// owners and deletion. Status-only writes do not pass.
    /// </summary>
    public static bool Meaningful<T>(InformerEvent<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (Updated(change) is not var (before, after))
        {
            return change.Type != InformerEventType.WatchError;
        }

        return SpecChanged(before, after)
            || !SameMap(before.Labels, after.Labels)
            || !SameMap(before.Annotations, after.Annotations)
            || !(before.Finalizers ?? []).SequenceEqual(after.Finalizers ?? [])
            || !(before.OwnerReferences ?? []).Select(r => r.Uid).SequenceEqual((after.OwnerReferences ?? []).Select(r => r.Uid));
    }

    /// <summary>
    /// What another object's desired state may depend on: the object's spec (its generation), its
    /// identity and its deletion. Status, label and finalizer changes do not pass.
    /// </summary>
    public static bool SpecOrLifecycle<T>(InformerEvent<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Updated(change) is var (before, after) ? SpecChanged(before, after) : change.Type != InformerEventType.WatchError;

    /// <summary>Passes adds, deletes and the updates in which <paramref name="key"/> of the object differs.</summary>
    public static Func<InformerEvent<T>, bool> When<T, TKey>(Func<T, TKey> key)
        where T : class
    {
        var comparer = EqualityComparer<TKey>.Default;
        return change => change switch
        {
            { Type: InformerEventType.WatchError } => false,
            { Type: InformerEventType.Updated, Previous: { } before, Object: { } after } => !comparer.Equals(key(before), key(after)),
            _ => true,
        };
    }

    private static (V1ObjectMeta Before, V1ObjectMeta After)? Updated<T>(InformerEvent<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        change is { Type: InformerEventType.Updated, Previous: { } previous, Object: { } current }
            ? (previous.Metadata, current.Metadata)
            : null;

    private static bool SpecChanged(V1ObjectMeta before, V1ObjectMeta after) =>
        before.Generation != after.Generation
        || before.Generation is null
        || before.Uid != after.Uid
        || before.DeletionTimestamp != after.DeletionTimestamp;

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));
}
