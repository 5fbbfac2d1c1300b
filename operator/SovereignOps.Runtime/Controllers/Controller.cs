using System.Diagnostics;
using k8s;
using k8s.Models;
using Serilog;
using Serilog.Context;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Queue;

namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// Runs a reconciler for one kind: informer events of the kind itself, of the objects it owns and
/// of other watched kinds become keys in a work queue; workers hand each key to the reconciler and
/// act on its result. Events arriving while the controller is not running (e.g. not the leader)
/// are dropped: every cached key is queued when it starts.
/// </summary>
public sealed class Controller<T> : IController
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<T> _primary;
    private readonly IReconciler _reconciler;
    private readonly ControllerOptions _options;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<IInformer> _sources = [];
    private volatile WorkQueue? _queue;

    public Controller(Informer<T> primary, IReconciler reconciler, ControllerOptions? options = null, RuntimeMetrics? metrics = null, ILogger? logger = null, TimeProvider? time = null)
    {
        _primary = primary;
        _reconciler = reconciler;
        _options = options ?? new ControllerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Concurrency, 1);
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        Kind = primary.Type.Kind;
        _logger = (logger ?? Log.Logger).ForContext("Controller", Kind);
        _sources.Add(primary);
        primary.Subscribe(change =>
        {
            if (change.Object is { } obj && ChangeFilters.Meaningful(change))
            {
                Enqueue(primary.Type.KeyOf(obj.Metadata));
            }
        });
    }

    public string Kind { get; }

    /// <summary>True while workers are running (this instance leads, or no election is used).</summary>
    public bool IsRunning => _queue is not null;

    /// <summary>Re-queues the owner whenever one of its children changes or disappears, so drift is corrected.</summary>
    public Controller<T> Owns<TChild>(Informer<TChild> children)
        where TChild : class, IKubernetesObject<V1ObjectMeta>
    {
        _sources.Add(children);
        children.Subscribe(change =>
        {
            foreach (var obj in new[] { change.Object, change.Previous })
            {
                if (obj is not null && OwnerKeys.Find(obj, _primary.Cache) is { } owner)
                {
                    Enqueue(owner);
                }
            }
        });
        return this;
    }

    /// <summary>
    /// Re-queues the keys <paramref name="map"/> returns whenever an object of another kind changes,
    /// or only on the changes <paramref name="when"/> lets through (see <see cref="ChangeFilters"/>).
    /// </summary>
    public Controller<T> Watches<TOther>(Informer<TOther> other, Func<TOther, IEnumerable<ResourceKey>> map, Func<InformerEvent<TOther>, bool>? when = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        _sources.Add(other);
        other.Subscribe(change =>
        {
            if (change.Object is { } obj && (when?.Invoke(change) ?? true))
            {
                foreach (var key in map(obj))
                {
                    Enqueue(key);
                }
            }
        });
        return this;
    }

    /// <summary>Queues a key from outside the informers (a timer, another controller).</summary>
    public void Enqueue(ResourceKey key) => _queue?.Add(key);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The queue exists before the caches are synced so that no event between the two is lost;
        // workers start only once every source is synced, so no reconcile reads a partial cache.
        using var queue = new WorkQueue(Kind, _options.Queue, _time, _metrics);
        _queue = queue;
        try
        {
            await Task.WhenAll(_sources.Select(s => s.WaitForSyncAsync(cancellationToken)));
            foreach (var obj in _primary.Cache.List())
            {
                queue.Add(_primary.Type.KeyOf(obj.Metadata));
            }

            _logger.Information("Controller started with {Workers} workers and {Keys} keys", _options.Concurrency, queue.Depth);
            using var stop = cancellationToken.Register(queue.ShutDown);
            await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => WorkAsync(queue, cancellationToken), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before the caches synced: nothing was running.
        }
        finally
        {
            _queue = null;
            queue.ShutDown();
            _logger.Information("Controller stopped");
        }
    }

    private async Task WorkAsync(WorkQueue queue, CancellationToken cancellationToken)
    {
        while (await queue.TakeAsync(CancellationToken.None) is { } key)
        {
            try
            {
                await ProcessAsync(queue, key, cancellationToken);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(WorkQueue queue, ResourceKey key, CancellationToken cancellationToken)
    {
        using var keyProperty = LogContext.PushProperty("Key", key.ToString());
        using var kindProperty = LogContext.PushProperty("Kind", Kind);
        var started = Stopwatch.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await _reconciler.ReconcileAsync(key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _metrics?.ReconcileTotal.WithLabels(Kind, "canceled").Inc();
            _logger.Information("Reconcile canceled");
            return;
        }
        catch (Exception exception)
        {
            _logger.Error(exception, "Reconcile threw; retrying with backoff");
            result = ReconcileResult.Retry(exception.Message);
        }
        finally
        {
            _metrics?.ReconcileDuration.WithLabels(Kind).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        Act(queue, key, result);
    }

    private void Act(WorkQueue queue, ResourceKey key, ReconcileResult result)
    {
        switch (result)
        {
            case ReconcileResult.DoneResult:
                queue.Forget(key);
                Count("done");
                break;
            case ReconcileResult.RequeueAfterResult requeue:
                queue.Forget(key);
                queue.AddAfter(key, requeue.Delay);
                Count("requeue");
                break;
            case ReconcileResult.RetryResult retry:
                var delay = retry.After is { } after ? after : queue.AddRateLimited(key);
                if (retry.After is not null)
                {
                    queue.AddAfter(key, delay);
                }

                _logger.Warning("Reconcile failed, retry {Attempt} in {Delay}: {Error}", queue.Failures(key), delay, retry.Error);
                Count("retry", error: true);
                break;
            case ReconcileResult.TerminalResult terminal:
                // Not retried: the next change to the object (or to what it owns or watches) queues it again.
                queue.Forget(key);
                _logger.Error("Reconcile failed and will not be retried until the object changes: {Error}", terminal.Error);
                Count("terminal", error: true);
                break;
        }
    }

    private void Count(string outcome, bool error = false)
    {
        _metrics?.ReconcileTotal.WithLabels(Kind, outcome).Inc();
        if (error)
        {
            _metrics?.ReconcileErrors.WithLabels(Kind).Inc();
        }
    }
}
