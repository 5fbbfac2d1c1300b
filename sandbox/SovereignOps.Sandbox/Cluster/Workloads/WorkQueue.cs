namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The controllers' work queue: each key at most once (events for a key that is already waiting fold into one
/// reconcile), handed out in the order keys first became dirty so runs are repeatable, plus keys parked until a
/// time (minReadySeconds, progress deadlines, job deadlines, TTLs). Single-threaded: only the controller loop
/// touches it.
/// </summary>
internal sealed class WorkQueue
{
    private readonly Queue<WorkloadKey> _order = new();
    private readonly HashSet<WorkloadKey> _dirty = [];
    private readonly PriorityQueue<WorkloadKey, DateTimeOffset> _later = new();
    private readonly Dictionary<WorkloadKey, DateTimeOffset> _dueAt = [];

    public int Count => _dirty.Count;

    public void Add(WorkloadKey key)
    {
        if (_dirty.Add(key))
        {
            _order.Enqueue(key);
        }
    }

    /// <summary>Parks the key until <paramref name="due"/>; an earlier wake-up already parked wins.</summary>
    public void AddAt(WorkloadKey key, DateTimeOffset due)
    {
        if (_dueAt.TryGetValue(key, out var existing) && existing <= due)
        {
            return;
        }

        _dueAt[key] = due;
        _later.Enqueue(key, due);
    }

    /// <summary>Moves every parked key whose time has come into the dirty set.</summary>
    public void PromoteDue(DateTimeOffset now)
    {
        while (_later.TryPeek(out var key, out var due) && due <= now)
        {
            _later.Dequeue();
            if (_dueAt.TryGetValue(key, out var current) && current == due)
            {
                _dueAt.Remove(key);
                Add(key);
            }
        }
    }

    /// <summary>How long until the next parked key is due; null when nothing is parked.</summary>
    public TimeSpan? NextDueIn(DateTimeOffset now)
    {
        while (_later.TryPeek(out var key, out var due))
        {
            if (_dueAt.TryGetValue(key, out var current) && current == due)
            {
                return due <= now ? TimeSpan.Zero : due - now;
            }

            _later.Dequeue();
        }

        return null;
    }

    public bool TryTake(out WorkloadKey key)
    {
        if (_order.TryDequeue(out key))
        {
            _dirty.Remove(key);
            return true;
        }

        return false;
    }
}
