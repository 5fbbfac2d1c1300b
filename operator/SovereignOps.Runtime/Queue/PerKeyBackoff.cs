namespace SovereignOps.Runtime.Queue;

/// <summary>
/// Exponential backoff per key: the n-th consecutive failure of a key waits <c>base × 2ⁿ</c>, capped.
/// A key that keeps failing backs off on its own without slowing the keys that succeed.
/// </summary>
public sealed class PerKeyBackoff
{
    private readonly Dictionary<ResourceKey, int> _failures = [];
    private readonly Lock _gate = new();

    public PerKeyBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>Records one more failure of the key and returns how long it should wait.</summary>
    public TimeSpan NextDelay(ResourceKey key)
    {
        int exponent;
        lock (_gate)
        {
            exponent = _failures.GetValueOrDefault(key);
            _failures[key] = exponent + 1;
        }

        return DelayFor(exponent);
    }

    /// <summary>Consecutive failures recorded for the key since it was last forgotten.</summary>
    public int Failures(ResourceKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Clears the key's history, typically after a successful reconcile.</summary>
    public void Forget(ResourceKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    private TimeSpan DelayFor(int exponent)
    {
        // Past 2^40 the cap has long been reached; stopping there keeps the double exact and finite.
        var factor = Math.Pow(2, Math.Min(exponent, 40));
        var ticks = BaseDelay.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
