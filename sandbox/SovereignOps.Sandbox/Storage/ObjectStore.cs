using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Storage;

/// <summary>
/// The versioned object storage under the API: one global, increasing resourceVersion, a sorted map
/// per group-resource, a bounded event history per resource, and the fan-out to subscribers.
/// It knows nothing of Kubernetes semantics beyond keys and versions; <c>ResourceApi</c> adds those.
/// Writes are serialized by one lock, which keeps event order equal to resourceVersion order for every
/// subscriber; the work done under it is a map update, one serialization and channel writes.
/// </summary>
public sealed class ObjectStore
{
    private readonly object _gate = new();
    private readonly Dictionary<GroupResource, Bucket> _buckets = [];
    private readonly List<StoreSubscription> _everything = [];
    private readonly int _historyCapacity;
    private readonly int _maxSubscriberBacklog;
    private long _resourceVersion;

    public ObjectStore(int historyCapacity = 5000, int maxSubscriberBacklog = 200_000)
    {
        _historyCapacity = historyCapacity;
        _maxSubscriberBacklog = maxSubscriberBacklog;
        _resourceVersion = 1;
    }

    /// <summary>The resourceVersion of the latest committed write.</summary>
    public long CurrentResourceVersion => Interlocked.Read(ref _resourceVersion);

    public StoredObject? Get(GroupResource resource, string ns, string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(resource, out var bucket) ? bucket.Objects.GetValueOrDefault(StoredObject.StorageKey(ns, name)) : null;
        }
    }

    /// <summary>A consistent snapshot of one resource (one namespace, or all when <paramref name="ns"/> is null).</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(GroupResource resource, string? ns)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(resource, out var bucket))
            {
                return ([], _resourceVersion);
            }

            if (ns is null)
            {
                return ([.. bucket.Objects.Values], _resourceVersion);
            }

            var items = new List<StoredObject>();
            foreach (var item in bucket.Objects.Values)
            {
                if (item.Namespace == ns)
                {
                    items.Add(item);
                }
            }

            return (items, _resourceVersion);
        }
    }

    /// <summary>Every object in one namespace, across all resources (namespace deletion waits until none is left).</summary>
    public IReadOnlyList<StoredObject> ListNamespace(string ns)
    {
        lock (_gate)
        {
            return [.. _buckets.Values.SelectMany(b => b.Objects.Values).Where(o => o.Namespace == ns)];
        }
    }

    public CommitResult Create(GroupResource resource, JsonObject obj)
    {
        var (ns, name) = Identify(obj);
        lock (_gate)
        {
            var bucket = BucketFor(resource);
            var key = StoredObject.StorageKey(ns, name);
            if (bucket.Objects.TryGetValue(key, out var existing))
            {
                return new CommitResult(CommitOutcome.AlreadyExists, existing);
            }

            var stored = StoredObject.Seal(resource, obj, ++_resourceVersion);
            bucket.Objects[key] = stored;
            Publish(bucket, new StoreEvent(StoreEventType.Added, stored, null));
            return new CommitResult(CommitOutcome.Committed, stored);
        }
    }

    /// <summary>Replaces the object if it is still at <paramref name="expectedVersion"/>.</summary>
    public CommitResult Update(GroupResource resource, JsonObject obj, long expectedVersion)
    {
        var (ns, name) = Identify(obj);
        lock (_gate)
        {
            var bucket = BucketFor(resource);
            var key = StoredObject.StorageKey(ns, name);
            if (!bucket.Objects.TryGetValue(key, out var current))
            {
                return new CommitResult(CommitOutcome.NotFound, null);
            }

            if (current.ResourceVersion != expectedVersion)
            {
                return new CommitResult(CommitOutcome.Conflict, current);
            }

            var stored = StoredObject.Seal(resource, obj, ++_resourceVersion);
            bucket.Objects[key] = stored;
            Publish(bucket, new StoreEvent(StoreEventType.Modified, stored, current));
            return new CommitResult(CommitOutcome.Committed, stored);
        }
    }

    /// <summary>
    /// Removes the object if it is still at <paramref name="expectedVersion"/>. <paramref name="lastState"/>
    /// is what the DELETED event carries (it gets the deletion's resourceVersion).
    /// </summary>
    public CommitResult Delete(GroupResource resource, JsonObject lastState, long expectedVersion)
    {
        var (ns, name) = Identify(lastState);
        lock (_gate)
        {
            var bucket = BucketFor(resource);
            var key = StoredObject.StorageKey(ns, name);
            if (!bucket.Objects.TryGetValue(key, out var current))
            {
                return new CommitResult(CommitOutcome.NotFound, null);
            }

            if (current.ResourceVersion != expectedVersion)
            {
                return new CommitResult(CommitOutcome.Conflict, current);
            }

            bucket.Objects.Remove(key);
            var stored = StoredObject.Seal(resource, lastState, ++_resourceVersion);
            Publish(bucket, new StoreEvent(StoreEventType.Deleted, stored, current));
            return new CommitResult(CommitOutcome.Committed, stored);
        }
    }

    /// <summary>
    /// Starts a subscription to one resource. With <see cref="WatchStart.Kind"/> = FromVersion the history
    /// after that version is replayed; null is returned when that history was already evicted (410 Expired).
    /// </summary>
    public StoreSubscription? Subscribe(GroupResource resource, WatchStart start)
    {
        lock (_gate)
        {
            var bucket = BucketFor(resource);
            var initial = new List<StoreEvent>();
            switch (start.Kind)
            {
                case WatchStartKind.WithCurrentObjects:
                    foreach (var item in bucket.Objects.Values)
                    {
                        initial.Add(new StoreEvent(StoreEventType.Added, item, null));
                    }

                    break;
                case WatchStartKind.FromVersion when start.ResourceVersion < _resourceVersion:
                    if (!bucket.History.TryCollectSince(start.ResourceVersion, initial))
                    {
                        return null;
                    }

                    break;
                default:
                    break;
            }

            var subscription = new StoreSubscription(this, resource, initial, _resourceVersion, _maxSubscriberBacklog);
            bucket.Subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// Every change to every resource from now on: the feed in-process controllers run on. With
    /// <paramref name="includeCurrent"/> the subscription starts with every stored object as ADDED, taken
    /// atomically with the start, so a controller misses nothing between its initial list and its watch.
    /// </summary>
    public StoreSubscription SubscribeAll(bool includeCurrent = false)
    {
        lock (_gate)
        {
            var initial = includeCurrent
                ? _buckets.Values.SelectMany(b => b.Objects.Values).OrderBy(o => o.ResourceVersion).Select(o => new StoreEvent(StoreEventType.Added, o, null)).ToList()
                : [];
            var subscription = new StoreSubscription(this, null, initial, _resourceVersion, int.MaxValue);
            _everything.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// The version a watch bookmark may carry: the current one, but only when nothing is still queued
    /// for the subscriber (a bookmark must never overtake an event it covers). Null otherwise.
    /// </summary>
    public long? BookmarkVersion(StoreSubscription subscription)
    {
        lock (_gate)
        {
            return subscription.Pending == 0 ? _resourceVersion : null;
        }
    }

    internal void Unsubscribe(StoreSubscription subscription)
    {
        lock (_gate)
        {
            if (subscription.Resource is { } resource)
            {
                if (_buckets.TryGetValue(resource, out var bucket))
                {
                    bucket.Subscribers.Remove(subscription);
                }
            }
            else
            {
                _everything.Remove(subscription);
            }
        }
    }

    private void Publish(Bucket bucket, StoreEvent e)
    {
        Interlocked.Exchange(ref _resourceVersion, e.ResourceVersion);
        bucket.History.Append(e);
        foreach (var subscriber in bucket.Subscribers)
        {
            subscriber.Offer(e);
        }

        foreach (var subscriber in _everything)
        {
            subscriber.Offer(e);
        }
    }

    private Bucket BucketFor(GroupResource resource)
    {
        if (!_buckets.TryGetValue(resource, out var bucket))
        {
            bucket = new Bucket(_historyCapacity);
            _buckets[resource] = bucket;
        }

        return bucket;
    }

    private static (string Namespace, string Name) Identify(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw new ArgumentException("object has no metadata", nameof(obj));
        var name = metadata["name"]?.GetValue<string>() ?? throw new ArgumentException("object has no name", nameof(obj));
        return (metadata["namespace"]?.GetValue<string>() ?? "", name);
    }

    private sealed class Bucket(int historyCapacity)
    {
        public SortedDictionary<string, StoredObject> Objects { get; } = new(StringComparer.Ordinal);

        public EventHistory History { get; } = new(historyCapacity);

        public List<StoreSubscription> Subscribers { get; } = [];
    }
}

public enum WatchStartKind
{
    /// <summary>Only changes committed from now on.</summary>
    Now,

    /// <summary>Every current object as ADDED first (resourceVersion "" or "0").</summary>
    WithCurrentObjects,

    /// <summary>Replay the history after a resourceVersion, then live changes.</summary>
    FromVersion,
}

public readonly record struct WatchStart(WatchStartKind Kind, long ResourceVersion)
{
    public static WatchStart Now => new(WatchStartKind.Now, 0);

    public static WatchStart WithCurrentObjects => new(WatchStartKind.WithCurrentObjects, 0);

    public static WatchStart From(long resourceVersion) => new(WatchStartKind.FromVersion, resourceVersion);
}
