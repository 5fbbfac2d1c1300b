using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The controllers' local copy of one resource, by namespace and by controller owner uid. Versions only move
/// forward: the controllers put their own writes in at once (so a reconcile right after a create sees the
/// object) and the later event carrying the same or an older version changes nothing.
/// </summary>
internal sealed class ObjectIndex<T>(Func<StoredObject, T> view, Func<T, StoredObject> stored)
    where T : class
{
    private static readonly Dictionary<string, T> Empty = [];

    private readonly Dictionary<string, Dictionary<string, T>> _byNamespace = [];
    private readonly Dictionary<string, Dictionary<string, T>> _byController = [];
    private readonly Dictionary<string, Dictionary<string, T>> _orphans = [];

    public int Count { get; private set; }

    public T? Get(string ns, string name) =>
        _byNamespace.TryGetValue(ns, out var names) ? names.GetValueOrDefault(name) : null;

    public IReadOnlyCollection<T> InNamespace(string ns) => _byNamespace.TryGetValue(ns, out var names) ? names.Values : Empty.Values;

    /// <summary>Objects of the namespace without a controller owner reference: the only candidates for adoption.</summary>
    public IReadOnlyCollection<T> OrphansIn(string ns) => _orphans.TryGetValue(ns, out var orphans) ? orphans.Values : Empty.Values;

    /// <summary>Objects whose controller owner reference carries <paramref name="uid"/>.</summary>
    public IReadOnlyCollection<T> OwnedBy(string uid) => _byController.TryGetValue(uid, out var owned) ? owned.Values : Empty.Values;

    /// <summary>Stores a newer version; returns the version it replaced and whether anything changed.</summary>
    public (T? Before, T? After, bool Changed) Put(StoredObject obj)
    {
        var before = Get(obj.Namespace, obj.Name);
        if (before is not null && stored(before).ResourceVersion >= obj.ResourceVersion)
        {
            return (before, before, false);
        }

        var after = view(obj);
        if (before is not null)
        {
            Unlink(before);
        }
        else
        {
            Count++;
        }

        if (!_byNamespace.TryGetValue(obj.Namespace, out var names))
        {
            names = new Dictionary<string, T>(StringComparer.Ordinal);
            _byNamespace[obj.Namespace] = names;
        }

        names[obj.Name] = after;
        Link(_byController, ControllerUid(obj) ?? "", obj.Name, after);
        if (ControllerUid(obj) is null)
        {
            Link(_orphans, obj.Namespace, obj.Name, after);
        }

        return (before, after, true);
    }

    /// <summary>Drops the object unless a newer version (a re-creation) is already held.</summary>
    public T? Remove(StoredObject deleted)
    {
        var before = Get(deleted.Namespace, deleted.Name);
        if (before is null || stored(before).ResourceVersion > deleted.ResourceVersion)
        {
            return null;
        }

        Unlink(before);
        _byNamespace[deleted.Namespace].Remove(deleted.Name);
        Count--;
        return before;
    }

    private void Unlink(T existing)
    {
        var obj = stored(existing);
        if (ControllerUid(obj) is { } owner)
        {
            Unlink(_byController, owner, obj.Name);
        }
        else
        {
            Unlink(_orphans, obj.Namespace, obj.Name);
        }
    }

    private static void Link(Dictionary<string, Dictionary<string, T>> index, string key, string name, T value)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var set))
        {
            set = new Dictionary<string, T>(StringComparer.Ordinal);
            index[key] = set;
        }

        set[name] = value;
    }

    private static void Unlink(Dictionary<string, Dictionary<string, T>> index, string key, string name)
    {
        if (index.TryGetValue(key, out var set))
        {
            set.Remove(name);
            if (set.Count == 0)
            {
                index.Remove(key);
            }
        }
    }

    private static string? ControllerUid(StoredObject obj)
    {
        foreach (var owner in obj.Owners)
        {
            if (owner.Controller)
            {
                return owner.Uid;
            }
        }

        return null;
    }
}
