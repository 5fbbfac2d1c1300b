using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The kube-controller-manager of the sandbox: Deployments, ReplicaSets, StatefulSets, Jobs, Endpoints and
/// EndpointSlices, disruption budgets and claim binding. One loop owns the cache and the work queue: it drains
/// every committed change into the cache, folding a burst of events into one reconcile per key, then runs the
/// dirty keys in the order they became dirty. Being single-threaded keeps the cache lock-free and, with a
/// seed, the run repeatable; the writes themselves go through <see cref="ResourceApi"/> like any client's.
/// </summary>
internal sealed class WorkloadControllers : IController
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly ResourceApi _api;
    private readonly TextWriter? _log;
    private readonly ClusterCache _cache = new();
    private readonly WorkQueue _queue = new();
    private readonly EventRouting _routing;
    private readonly WorkloadWriter _writer;
    private readonly Dictionary<WorkloadKind, IWorkloadReconciler> _reconcilers;
    private readonly Dictionary<WorkloadKey, TimeSpan> _retries = [];

    public WorkloadControllers(ResourceApi api, int? seed, TextWriter? log)
    {
        _api = api;
        _log = log;
        _routing = new EventRouting(_cache, _queue);
        _writer = new WorkloadWriter(api, _cache, log);
        var context = new WorkloadContext(api, _cache, _writer, new RandomSuffix(seed));
        IWorkloadReconciler[] reconcilers =
        [
            new DeploymentReconciler(context),
            new ReplicaSetReconciler(context),
            new StatefulSetReconciler(context),
            new JobReconciler(context),
            new EndpointsReconciler(context),
            new DisruptionBudgetReconciler(context),
            new VolumeClaimBinder(context),
        ];
        _reconcilers = reconcilers.ToDictionary(r => r.Kind);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var feed = _api.Store.SubscribeAll(includeCurrent: true);
        foreach (var e in feed.Initial)
        {
            _routing.Observe(e);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            while (feed.Events.TryRead(out var e))
            {
                _routing.Observe(e);
            }

            _queue.PromoteDue(_api.Clock.GetUtcNow());
            if (_queue.Count > 0)
            {
                RunDirtyKeys();
                continue;
            }

            if (!await WaitForWorkAsync(feed, _queue.NextDueIn(_api.Clock.GetUtcNow()), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Runs the keys dirty now; keys they dirty wait for the next round, after the cache caught up.</summary>
    private void RunDirtyKeys()
    {
        for (var remaining = _queue.Count; remaining > 0 && _queue.TryTake(out var key); remaining--)
        {
            var failuresBefore = _writer.Failures;
            DateTimeOffset? wake;
            try
            {
                if (!_reconcilers.TryGetValue(key.Kind, out var reconciler))
                {
                    continue;
                }

                wake = reconciler.Reconcile(key.Namespace, key.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log?.WriteLine($"workload controllers: {key}: {ex}");
                wake = null;
                Retry(key);
                continue;
            }

            if (_writer.Failures != failuresBefore)
            {
                Retry(key);
            }
            else
            {
                _retries.Remove(key);
            }

            if (wake is { } at)
            {
                _queue.AddAt(key, at);
            }
        }
    }

    /// <summary>Requeues a key whose writes failed, backing off exponentially per key.</summary>
    private void Retry(WorkloadKey key)
    {
        var delay = _retries.TryGetValue(key, out var last) ? TimeSpan.FromTicks(Math.Min(last.Ticks * 2, LongestRetry.Ticks)) : FirstRetry;
        _retries[key] = delay;
        _queue.AddAt(key, _api.Clock.GetUtcNow() + delay);
    }

    /// <summary>Waits for events or the next parked key; false once the feed has ended.</summary>
    private async Task<bool> WaitForWorkAsync(StoreSubscription feed, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (timeout is null)
        {
            return await feed.Events.WaitToReadAsync(cancellationToken);
        }

        using var timer = new CancellationTokenSource(timeout.Value, _api.Clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await feed.Events.WaitToReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true; // the next parked key is due
        }
    }
}
