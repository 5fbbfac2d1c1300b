namespace SovereignOps.Runtime.Queue;

/// <summary>
/// An overall rate limit shared by every key: <see cref="Burst"/> tokens refilled at
/// <see cref="TokensPerSecond"/>. Taking a token never fails; when the bucket is empty the caller is
/// told how long to wait for its reserved token, so a storm of retries is spread out instead of refused.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double tokensPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokensPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        TokensPerSecond = tokensPerSecond;
        Burst = burst;
        _time = time;
        _tokens = burst;
        _lastRefill = time.GetTimestamp();
    }

    public double TokensPerSecond { get; }

    public int Burst { get; }

    /// <summary>Reserves one token and returns how long to wait before using it (zero when one is free).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastRefill, now);
            _lastRefill = now;
            _tokens = Math.Min(Burst, _tokens + (elapsed.TotalSeconds * TokensPerSecond));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / TokensPerSecond);
        }
    }
}
