namespace SovereignOps.Sandbox.Storage;

/// <summary>
/// A bounded ring of the latest events of one resource, so a watch can resume from a recent
/// resourceVersion. Once an event is evicted, resuming from before it is no longer possible.
/// </summary>
internal sealed class EventHistory(int capacity)
{
    private readonly StoreEvent[] _ring = new StoreEvent[Math.Max(1, capacity)];
    private int _start;
    private int _count;

    /// <summary>The highest resourceVersion no longer held: resuming from below it would miss events.</summary>
    public long EvictedUpTo { get; private set; }

    public void Append(StoreEvent e)
    {
        if (_count == _ring.Length)
        {
            EvictedUpTo = _ring[_start].ResourceVersion;
            _ring[_start] = e;
            _start = (_start + 1) % _ring.Length;
            return;
        }

        _ring[(_start + _count) % _ring.Length] = e;
        _count++;
    }

    /// <summary>Collects the events after <paramref name="resourceVersion"/>, or returns false when some were evicted.</summary>
    public bool TryCollectSince(long resourceVersion, List<StoreEvent> into)
    {
        if (resourceVersion < EvictedUpTo)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(_start + i) % _ring.Length];
            if (e.ResourceVersion > resourceVersion)
            {
                into.Add(e);
            }
        }

        return true;
    }
}
