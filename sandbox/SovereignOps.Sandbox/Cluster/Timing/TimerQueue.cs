namespace SovereignOps.Sandbox.Cluster.Timing;

/// <summary>
/// Every delay of the simulated cluster in one priority queue ordered by due time (then by order of
/// scheduling): thousands of pods waiting to become ready cost one entry each, not a timer each. The
/// cluster loop runs what is due and sleeps until the next entry. Entries cannot be cancelled; their
/// actions re-check the state they act on when they run. Used by the loop's thread only.
/// </summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<Action, (DateTimeOffset Due, long Sequence)> _queue = new();
    private long _sequence;

    public DateTimeOffset? NextDue => _queue.TryPeek(out _, out var priority) ? priority.Due : null;

    public void At(DateTimeOffset due, Action action) => _queue.Enqueue(action, (due, _sequence++));

    /// <summary>Runs every action due at <paramref name="now"/>, including ones they schedule for no later than now.</summary>
    public int RunDue(DateTimeOffset now)
    {
        var ran = 0;
        while (_queue.TryPeek(out var action, out var priority) && priority.Due <= now)
        {
            _queue.Dequeue();
            action();
            ran++;
        }

        return ran;
    }
}
