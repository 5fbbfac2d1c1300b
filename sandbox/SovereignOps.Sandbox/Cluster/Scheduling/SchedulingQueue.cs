using SovereignOps.Sandbox.Cluster.Model;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>
/// Pending pods in the order they are tried — higher priority first, then older, then by arrival and name —
/// and the pods that did not fit, parked until the cluster changes in a way that may let them fit.
/// </summary>
internal sealed class SchedulingQueue
{
    private readonly SortedSet<Entry> _active = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _unschedulable = new(StringComparer.Ordinal);
    private long _arrivals;

    public int ActiveCount => _active.Count;

    /// <summary>Adds a newly pending pod to the active queue, or refreshes the facts of one already queued or parked.</summary>
    public void Upsert(PodFacts pod)
    {
        if (_entries.TryGetValue(pod.Key, out var entry))
        {
            if (_active.Remove(entry))
            {
                entry = entry with { Pod = pod };
                _active.Add(entry);
            }
            else
            {
                entry = entry with { Pod = pod };
                _unschedulable[pod.Key] = entry;
            }

            _entries[pod.Key] = entry;
            return;
        }

        entry = new Entry(pod, _arrivals++);
        _entries[pod.Key] = entry;
        _active.Add(entry);
    }

    public void Remove(string key)
    {
        if (_entries.Remove(key, out var entry))
        {
            _active.Remove(entry);
            _unschedulable.Remove(key);
        }
    }

    public PodFacts? Pop()
    {
        if (_active.Min is not { } first)
        {
            return null;
        }

        _active.Remove(first);
        return first.Pod;
    }

    /// <summary>Parks a pod that fit nowhere; it stays out of the active queue until <see cref="RetryUnschedulable"/>.</summary>
    public void Park(PodFacts pod)
    {
        if (_entries.TryGetValue(pod.Key, out var entry))
        {
            _unschedulable[pod.Key] = entry;
        }
    }

    /// <summary>Bound (or gone): the pod leaves the queue.</summary>
    public void Done(string key) => Remove(key);

    public void RetryUnschedulable()
    {
        foreach (var entry in _unschedulable.Values)
        {
            _active.Add(entry);
        }

        _unschedulable.Clear();
    }

    private sealed record Entry(PodFacts Pod, long Arrival) : IComparable<Entry>
    {
        public int CompareTo(Entry? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byPriority = other.Pod.Priority.CompareTo(Pod.Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byAge = Pod.CreationTimestamp.CompareTo(other.Pod.CreationTimestamp);
            if (byAge != 0)
            {
                return byAge;
            }

            var byArrival = Arrival.CompareTo(other.Arrival);
            return byArrival != 0 ? byArrival : string.CompareOrdinal(Pod.Key, other.Pod.Key);
        }
    }
}
