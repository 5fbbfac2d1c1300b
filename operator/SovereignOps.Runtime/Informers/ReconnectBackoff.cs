namespace SovereignOps.Runtime.Informers;

/// <summary>
/// Capped exponential backoff with jitter for re-listing and re-watching: the n-th consecutive
/// failure waits between half and all of <c>min(initial × 2ⁿ⁻¹, max)</c>, so informers of many
/// operators that lost the API server at the same moment do not come back in lock step.
/// </summary>
public sealed record ReconnectBackoff(TimeSpan Initial, TimeSpan Max)
{
    public static ReconnectBackoff Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <param name="failures">Consecutive failures so far, at least 1.</param>
    /// <param name="random">A value in [0, 1) choosing where in the jitter window the delay falls.</param>
    public TimeSpan Delay(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var ceiling = Math.Min(Max.Ticks, Initial.Ticks * Math.Pow(2, Math.Min(failures - 1, 40)));
        return TimeSpan.FromTicks((long)((ceiling / 2) + (ceiling / 2 * random)));
    }
}
