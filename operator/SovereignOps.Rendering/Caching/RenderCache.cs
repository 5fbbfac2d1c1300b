using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Rendering.Caching;

/// <summary>
/// Remembers helm's output per <see cref="RenderKey"/>, least recently used first out, and lets
/// concurrent identical renders share one helm process. Only successful helm runs are kept: a
/// failure may be passing (a killed process, a timeout on a busy machine) and is retried.
/// <para>
/// The output text is cached rather than the parsed objects, because callers may change the objects
/// they get (owner references, for one); each caller parses its own copy. The text is held
/// compressed (<see cref="CompressedText"/>), so the cache can hold every chart of a large fleet.
/// </para>
/// <para>
/// A shared run is cancelled only when every caller waiting for it has cancelled; a caller that
/// cancels alone stops waiting while the others keep their result.
/// </para>
/// </summary>
internal sealed class RenderCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<RenderKey, LinkedListNode<(RenderKey Key, CompressedText Output)>> entries = [];
    private readonly LinkedList<(RenderKey Key, CompressedText Output)> recency = new();
    private readonly Dictionary<RenderKey, SharedRun> running = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>
    /// The cached output for <paramref name="key"/>, the result of a run already under way, or the
    /// result of a new <paramref name="run"/>. <c>Reused</c> is true when no process was started for
    /// this call.
    /// </summary>
    public async Task<(HelmRun Run, bool Reused)> GetOrRunAsync(RenderKey key, Func<CancellationToken, Task<HelmRun>> run, CancellationToken cancellationToken)
    {
        SharedRun shared = null!;
        var started = false;
        CompressedText? cached = null;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                cached = node.Value.Output;
            }
            else
            {
                started = !running.TryGetValue(key, out shared!);
                if (started)
                {
                    shared = new SharedRun();
                    running[key] = shared;
                }

                shared.Waiters++;
            }
        }

        if (cached is not null)
        {
            // Expanded outside the lock: concurrent hits do not queue behind each other.
            return (HelmRun.Succeeded(cached.ToString()), true);
        }

        if (started)
        {
            shared.Start(run, completed => Complete(key, shared, completed));
        }

        try
        {
            return (await shared.Result.WaitAsync(cancellationToken), !started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Leave(key, shared);
            throw;
        }
    }

    private void Leave(RenderKey key, SharedRun shared)
    {
        lock (gate)
        {
            shared.Waiters--;
            if (shared.Waiters > 0 || shared.Result.IsCompleted)
            {
                return;
            }

            // Nobody wants this result any more: stop the process, and let the next caller start afresh.
            if (running.TryGetValue(key, out var current) && current == shared)
            {
                running.Remove(key);
            }
        }

        shared.Abandon();
    }

    private void Complete(RenderKey key, SharedRun shared, HelmRun? completed)
    {
        var stored = completed?.Output is { } output ? CompressedText.From(output) : null;
        lock (gate)
        {
            if (running.TryGetValue(key, out var current) && current == shared)
            {
                running.Remove(key);
            }

            if (stored is null || entries.ContainsKey(key))
            {
                return;
            }

            entries[key] = recency.AddFirst((key, stored));
            while (entries.Count > capacity)
            {
                var oldest = recency.Last!;
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
            }
        }
    }

    /// <summary>One helm process and the callers waiting for it.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "The token source has no timer or linked registration, so it holds nothing to release, and never disposing it lets a late Abandon stay harmless.")]
    private sealed class SharedRun
    {
        private readonly CancellationTokenSource abandoned = new();
        private readonly TaskCompletionSource<HelmRun> result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Callers waiting; guarded by the cache's lock.</summary>
        public int Waiters { get; set; }

        public Task<HelmRun> Result => result.Task;

        public void Start(Func<CancellationToken, Task<HelmRun>> run, Action<HelmRun?> onCompleted) =>
            _ = RunAsync(run, onCompleted);

        /// <summary>Stops the process; harmless after it has finished.</summary>
        public void Abandon() => abandoned.Cancel();

        private async Task RunAsync(Func<CancellationToken, Task<HelmRun>> run, Action<HelmRun?> onCompleted)
        {
            HelmRun? completed = null;
            Exception? failure = null;
            try
            {
                completed = await run(abandoned.Token);
            }
            catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
            {
                // Every caller has gone; nobody observes this outcome.
            }
            catch (Exception e)
            {
                failure = e;
            }

            // Cache (or forget) the run before any waiter resumes, so a caller that renders again
            // right after its result arrives finds the entry, and nobody joins a finished run.
            onCompleted(completed);
            if (completed is not null)
            {
                result.TrySetResult(completed);
            }
            else if (failure is not null)
            {
                result.TrySetException(failure);
            }
            else
            {
                result.TrySetCanceled(abandoned.Token);
            }
        }
    }
}
