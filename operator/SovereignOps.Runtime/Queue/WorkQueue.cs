using System.Threading.Channels;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Runtime.Queue;

/// <summary>
/// The keys waiting to be reconciled. A key is queued at most once however often it is added, and
/// a key being processed is never handed to a second worker: adding it meanwhile marks it dirty and
/// it is queued again when the first worker calls <see cref="Done"/>. Failed keys come back through
/// <see cref="AddRateLimited"/> with per-key exponential backoff under an overall token bucket.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    // Invariants, all guarded by _gate: a key is in the ready channel iff it is dirty and not
    // processing; a delayed key has one timer, due at the earliest time it was asked for.
    private readonly Lock _gate = new();
    private readonly HashSet<ResourceKey> _dirty = [];
    private readonly HashSet<ResourceKey> _processing = [];
    private readonly Dictionary<ResourceKey, DelayedAdd> _delayed = [];
    private readonly Channel<ResourceKey> _ready = Channel.CreateUnbounded<ResourceKey>();
    private readonly TimeProvider _time;
    private readonly PerKeyBackoff _backoff;
    private readonly TokenBucket _bucket;
    private readonly RuntimeMetrics? _metrics;
    private TaskCompletionSource? _idle;
    private bool _shuttingDown;

    public WorkQueue(string name, WorkQueueOptions options, TimeProvider time, RuntimeMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _time = time;
        _metrics = metrics;
        _backoff = new PerKeyBackoff(options.BaseRetryDelay, options.MaxRetryDelay);
        _bucket = new TokenBucket(options.RetriesPerSecond, options.RetryBurst, time);
    }

    public string Name { get; }

    /// <summary>Keys ready and waiting for a worker.</summary>
    public int Depth => _ready.Reader.Count;

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues the key unless it is already waiting; a key being processed runs again afterwards.</summary>
    public void Add(ResourceKey key)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            _metrics?.QueueAdds.WithLabels(Name).Inc();
            if (!_processing.Contains(key))
            {
                _ready.Writer.TryWrite(key);
            }
        }

        PublishDepth();
    }

    /// <summary>Queues the key after the delay. Of several pending delays for one key the earliest wins.</summary>
    public void AddAfter(ResourceKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            _delayed[key] = new DelayedAdd(due, _time.CreateTimer(FireCallback, new TimerState(this, key, due), delay, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Queues a failed key again after its backoff, or the overall rate limit if that is longer.</summary>
    public TimeSpan AddRateLimited(ResourceKey key)
    {
        var delay = _backoff.NextDelay(key);
        var bucketDelay = _bucket.Reserve();
        if (bucketDelay > delay)
        {
            delay = bucketDelay;
        }

        _metrics?.QueueRetries.WithLabels(Name).Inc();
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Consecutive failures of the key since it was last forgotten.</summary>
    public int Failures(ResourceKey key) => _backoff.Failures(key);

    /// <summary>Clears the key's backoff; call it after a reconcile that succeeded.</summary>
    public void Forget(ResourceKey key) => _backoff.Forget(key);

    /// <summary>
    /// Waits for the next key and marks it as processing; the caller must call <see cref="Done"/>.
    /// Returns null once the queue is shut down.
    /// </summary>
    public async ValueTask<ResourceKey?> TakeAsync(CancellationToken cancellationToken)
    {
        while (await _ready.Reader.WaitToReadAsync(cancellationToken))
        {
            if (!_ready.Reader.TryRead(out var key))
            {
                continue;
            }

            lock (_gate)
            {
                if (_shuttingDown)
                {
                    return null;
                }

                _dirty.Remove(key);
                _processing.Add(key);
            }

            PublishDepth();
            return key;
        }

        return null;
    }

    /// <summary>Ends the processing of a key; if it was added meanwhile it is queued again.</summary>
    public void Done(ResourceKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key) && !_shuttingDown)
            {
                _ready.Writer.TryWrite(key);
            }

            if (_processing.Count == 0 && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }

        PublishDepth();
    }

    /// <summary>
    /// Stops intake: later adds are ignored, waiting and delayed keys are dropped and
    /// <see cref="TakeAsync"/> returns null. Keys already being processed finish normally.
    /// </summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            foreach (var pending in _delayed.Values)
            {
                pending.Timer.Dispose();
            }

            _delayed.Clear();
            _dirty.Clear();
            _ready.Writer.TryComplete();
            while (_ready.Reader.TryRead(out _))
            {
            }
        }

        PublishDepth();
    }

    /// <summary>Shuts down, then waits until every key being processed is done (drain).</summary>
    public Task ShutDownAndDrainAsync(CancellationToken cancellationToken)
    {
        ShutDown();
        Task idle;
        lock (_gate)
        {
            if (_processing.Count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    public void Dispose() => ShutDown();

    private static void FireCallback(object? state)
    {
        var timerState = (TimerState)state!;
        timerState.Queue.Fire(timerState);
    }

    private void Fire(TimerState state)
    {
        lock (_gate)
        {
            // A newer, earlier timer may have replaced this one; only the registered timer adds.
            if (!_delayed.TryGetValue(state.Key, out var pending) || pending.Due != state.Due)
            {
                return;
            }

            pending.Timer.Dispose();
            _delayed.Remove(state.Key);
        }

        Add(state.Key);
    }

    private void PublishDepth() => _metrics?.QueueDepth.WithLabels(Name).Set(Depth);

    private sealed record DelayedAdd(DateTimeOffset Due, ITimer Timer);

    private sealed record TimerState(WorkQueue Queue, ResourceKey Key, DateTimeOffset Due);
}
