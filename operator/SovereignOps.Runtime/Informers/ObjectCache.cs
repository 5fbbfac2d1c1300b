using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Informers;

/// <summary>
/// The informer's in-memory copy of one kind, keyed by namespace/name and indexed by uid and by
/// namespace (a reconcile reads its own namespace, not the fleet). Reads are lock-free; writes come
/// only from the informer. Cached objects are shared: callers must treat
/// them as read-only and copy before changing anything (<see cref="ObjectCopy"/>).
/// </summary>
public sealed class ObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<ResourceKey, T> _objects = new();
    private readonly ConcurrentDictionary<string, ResourceKey> _keysByUid = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ResourceKey, T>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();

    public ObjectCache(ResourceType type)
    {
        Type = type;
    }

    public ResourceType Type { get; }

    public int Count => _objects.Count;

    public T? Get(ResourceKey key) => _objects.GetValueOrDefault(key);

    public T? GetByUid(string uid) =>
        _keysByUid.TryGetValue(uid, out var key) && _objects.TryGetValue(key, out var obj) && obj.Metadata.Uid == uid
            ? obj
            : null;

    public IReadOnlyList<T> List() => [.. _objects.Values];

    public IReadOnlyList<T> List(string @namespace) =>
        _byNamespace.TryGetValue(@namespace, out var objects) ? [.. objects.Values] : [];

    public IReadOnlyList<T> ListByLabel(string key, string value) =>
        [.. _objects.Values.Where(o => o.Metadata.Labels is { } labels && labels.TryGetValue(key, out var v) && v == value)];

    /// <summary>Stores the object and returns the version it replaced, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = Type.KeyOf(obj.Metadata);
        lock (_writeGate)
        {
            _objects.TryGetValue(key, out var previous);
            _objects[key] = obj;
            _byNamespace.GetOrAdd(key.Namespace ?? "", _ => new ConcurrentDictionary<ResourceKey, T>())[key] = obj;
            if (previous?.Metadata.Uid is { } oldUid && oldUid != obj.Metadata.Uid)
            {
                _keysByUid.TryRemove(oldUid, out _);
            }

            if (obj.Metadata.Uid is { } uid)
            {
                _keysByUid[uid] = key;
            }

            return previous;
        }
    }

    /// <summary>Removes the object and returns what was cached, if anything.</summary>
    internal T? Remove(ResourceKey key)
    {
        lock (_writeGate)
        {
            if (!_objects.TryRemove(key, out var previous))
            {
                return null;
            }

            if (_byNamespace.TryGetValue(key.Namespace ?? "", out var inNamespace))
            {
                inNamespace.TryRemove(key, out _);
            }

            if (previous.Metadata.Uid is { } uid)
            {
                _keysByUid.TryRemove(uid, out _);
            }

            return previous;
        }
    }

    /// <summary>
    /// Replaces everything cached in one namespace (or everywhere, for null) by a fresh list and
    /// returns the difference as events: what appeared, what changed (by resourceVersion) and what
    /// vanished while the informer was not watching, so no delete is ever missed.
    /// </summary>
    internal IReadOnlyList<InformerEvent<T>> Replace(string? @namespace, IReadOnlyCollection<T> items)
    {
        var changes = new List<InformerEvent<T>>();
        lock (_writeGate)
        {
            var listed = new HashSet<ResourceKey>();
            foreach (var item in items)
            {
                listed.Add(Type.KeyOf(item.Metadata));
                var previous = Upsert(item);
                if (previous is null)
                {
                    changes.Add(new InformerEvent<T>(InformerEventType.Added, item));
                }
                else if (previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                {
                    changes.Add(new InformerEvent<T>(InformerEventType.Updated, item, previous));
                }
            }

            var vanished = _objects.Keys
                .Where(key => (@namespace is null || key.Namespace == @namespace) && !listed.Contains(key))
                .ToList();
            foreach (var key in vanished)
            {
                if (Remove(key) is { } gone)
                {
                    changes.Add(new InformerEvent<T>(InformerEventType.Deleted, gone));
                }
            }
        }

        return changes;
    }
}
