using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>
/// Garbage collection by owner references, as the kube-controller-manager does it:
/// a dependent whose owners are all gone is deleted (Background propagation); an owner deleted with
/// Orphan has the references to it removed from its dependents before its "orphan" finalizer is lifted;
/// an owner deleted with Foreground has its dependents deleted first and keeps its "foregroundDeletion"
/// finalizer until no dependent that blocks owner deletion is left.
/// </summary>
internal sealed class GarbageCollector(ResourceApi api) : IController
{
    private readonly Dictionary<string, ObjectReference> _byUid = [];
    private readonly Dictionary<string, HashSet<ObjectReference>> _dependents = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Starting from every stored object: owners created before the collector started must be known,
        // or their dependents would look orphaned.
        using var events = api.Store.SubscribeAll(includeCurrent: true);
        foreach (var existing in events.Initial)
        {
            Observe(existing);
        }

        foreach (var existing in events.Initial.Where(e => !e.Object.Owners.IsEmpty))
        {
            CollectIfOrphaned(ObjectReference.Of(existing.Object));
        }

        await foreach (var e in events.Events.ReadAllAsync(cancellationToken))
        {
            Observe(e);
            switch (e.Type)
            {
                case StoreEventType.Deleted:
                    OwnerGone(e.Object.Uid);
                    ReleaseForegroundOwners(e.Object);
                    break;
                default:
                    if (e.Object.IsDeleting)
                    {
                        ProcessDeletingOwner(e.Object);
                    }

                    if (!e.Object.Owners.IsEmpty && !e.Object.IsDeleting)
                    {
                        CollectIfOrphaned(ObjectReference.Of(e.Object));
                    }

                    break;
            }
        }
    }

    private void Observe(StoreEvent e)
    {
        var reference = ObjectReference.Of(e.Object);
        if (e.Previous is { } previous)
        {
            foreach (var owner in previous.Owners)
            {
                if (_dependents.TryGetValue(owner.Uid, out var set))
                {
                    set.Remove(reference);
                }
            }
        }

        if (e.Type == StoreEventType.Deleted)
        {
            _byUid.Remove(e.Object.Uid);
            return;
        }

        _byUid[e.Object.Uid] = reference;
        foreach (var owner in e.Object.Owners)
        {
            if (!_dependents.TryGetValue(owner.Uid, out var set))
            {
                set = [];
                _dependents[owner.Uid] = set;
            }

            set.Add(reference);
        }
    }

    private void OwnerGone(string uid)
    {
        if (!_dependents.Remove(uid, out var dependents))
        {
            return;
        }

        foreach (var dependent in dependents)
        {
            CollectIfOrphaned(dependent);
        }
    }

    /// <summary>A dependent that is gone may have been the last one an owner in foreground deletion waited for.</summary>
    private void ReleaseForegroundOwners(StoredObject deleted)
    {
        foreach (var owner in deleted.Owners)
        {
            if (_byUid.TryGetValue(owner.Uid, out var reference)
                && api.Store.Get(reference.Resource, reference.Namespace, reference.Name) is { IsDeleting: true } deleting
                && deleting.Finalizers.Contains(ResourceApi.ForegroundFinalizer))
            {
                ProcessDeletingOwner(deleting);
            }
        }
    }

    /// <summary>Deletes the dependent when none of its owners exists any more; drops dangling references otherwise.</summary>
    private void CollectIfOrphaned(ObjectReference reference)
    {
        var dependent = api.Store.Get(reference.Resource, reference.Namespace, reference.Name);
        if (dependent is null || dependent.Owners.IsEmpty)
        {
            return;
        }

        var alive = dependent.Owners.Where(o => _byUid.ContainsKey(o.Uid)).ToList();
        if (alive.Count == dependent.Owners.Length)
        {
            return;
        }

        var type = api.Registry.Current.StorageType(reference.Resource);
        if (type is null)
        {
            return;
        }

        if (alive.Count == 0)
        {
            api.Delete(type, reference.Namespace, reference.Name, new DeleteOptions { PreconditionUid = dependent.Uid });
            return;
        }

        RemoveOwnerReferences(dependent, dependent.Owners.Where(o => !_byUid.ContainsKey(o.Uid)).Select(o => o.Uid).ToHashSet());
    }

    private void ProcessDeletingOwner(StoredObject owner)
    {
        var dependents = _dependents.TryGetValue(owner.Uid, out var set) ? set.ToList() : [];
        if (owner.Finalizers.Contains(ResourceApi.OrphanFinalizer))
        {
            foreach (var dependent in dependents)
            {
                if (api.Store.Get(dependent.Resource, dependent.Namespace, dependent.Name) is { } current)
                {
                    RemoveOwnerReferences(current, [owner.Uid]);
                }
            }

            RemoveFinalizer(owner, ResourceApi.OrphanFinalizer);
            return;
        }

        if (!owner.Finalizers.Contains(ResourceApi.ForegroundFinalizer))
        {
            return;
        }

        var blocking = 0;
        foreach (var dependent in dependents)
        {
            var current = api.Store.Get(dependent.Resource, dependent.Namespace, dependent.Name);
            if (current is null || api.Registry.Current.StorageType(dependent.Resource) is not { } type)
            {
                continue;
            }

            if (current.Owners.Any(o => o.Uid == owner.Uid && o.BlockOwnerDeletion))
            {
                blocking++;
            }

            if (!current.IsDeleting)
            {
                api.Delete(type, dependent.Namespace, dependent.Name, new DeleteOptions { PropagationPolicy = PropagationPolicy.Foreground });
            }
        }

        if (blocking == 0)
        {
            RemoveFinalizer(owner, ResourceApi.ForegroundFinalizer);
        }
    }

    private void RemoveOwnerReferences(StoredObject dependent, HashSet<string> ownerUids)
    {
        if (api.Registry.Current.StorageType(dependent.Resource) is not { } type)
        {
            return;
        }

        ControllerWrites.Update(api, type, dependent.Namespace, dependent.Name, "garbage-collector", obj =>
        {
            if (obj.Metadata()["ownerReferences"] is not JsonArray references)
            {
                return false;
            }

            var kept = references.OfType<JsonObject>().Where(r => !ownerUids.Contains(r.GetString("uid") ?? "")).Select(r => (JsonNode?)r.DeepClone()).ToArray();
            if (kept.Length == references.Count)
            {
                return false;
            }

            if (kept.Length == 0)
            {
                obj.Metadata().Remove("ownerReferences");
            }
            else
            {
                obj.Metadata()["ownerReferences"] = new JsonArray(kept);
            }

            return true;
        });
    }

    private void RemoveFinalizer(StoredObject owner, string finalizer)
    {
        if (api.Registry.Current.StorageType(owner.Resource) is not { } type)
        {
            return;
        }

        ControllerWrites.Update(api, type, owner.Namespace, owner.Name, "garbage-collector", obj =>
        {
            var finalizers = obj.Metadata().StringList("finalizers");
            if (!finalizers.Remove(finalizer))
            {
                return false;
            }

            obj.Metadata()["finalizers"] = finalizers.ToJsonArray();
            return true;
        });
    }
}
