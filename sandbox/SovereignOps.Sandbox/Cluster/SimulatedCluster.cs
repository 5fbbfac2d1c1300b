using System.Collections.Concurrent;
using System.Threading.Channels;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Events;
using SovereignOps.Sandbox.Cluster.Kubelet;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Nodes;
using SovereignOps.Sandbox.Cluster.Scheduling;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster;

/// <summary>
/// The simulated cluster behind the API: kube-scheduler, one kubelet per Node, and kube-controller-manager's
/// node lifecycle, taint eviction and pod garbage collection. They run on one loop fed by the store's change
/// feed, with one timer queue for every delay, and act only through <see cref="ResourceApi"/> — what they do
/// is visible to clients exactly as on a real cluster. Node faults are injected with <see cref="SetNodeReady"/>
/// and <see cref="RemoveNode"/> (also over HTTP under /sandbox/nodes).
/// </summary>
public sealed class SimulatedCluster
{
    /// <summary>Pods scheduled per turn of the loop before events and timers get their turn.</summary>
    private const int SchedulingBatch = 256;

    private readonly ResourceApi _api;
    private readonly TimeProvider _clock;
    private readonly TextWriter? _log;
    private readonly ClusterState _state = new();
    private readonly TimerQueue _timers = new();
    private readonly Channel<Action> _commands = Channel.CreateUnbounded<Action>();
    private readonly ConcurrentDictionary<string, bool> _stoppedKubelets = new(StringComparer.Ordinal);
    private readonly Scheduler _scheduler;
    private readonly NodeAgents _agents;
    private readonly PodRunner _runner;
    private readonly NodeLifecycleController _lifecycle;
    private readonly TaintEvictionController _taintEviction;
    private readonly PodGarbageCollector _podGc;
    private readonly EventRecorder _events;

    internal SimulatedCluster(ResourceApi api, ClusterOptions options, int seed, TimeProvider clock, TextWriter? log)
    {
        _api = api;
        _clock = clock;
        _log = log;
        _events = new EventRecorder(api, clock);
        _scheduler = new Scheduler(api, _state, _events, new SchedulerCore(seed), clock, Observe);
        _agents = new NodeAgents(api, _timers, options, clock);
        _runner = new PodRunner(api, _state, _agents, _timers, options, clock);
        _lifecycle = new NodeLifecycleController(api, _state, _events, _timers, options, clock);
        _taintEviction = new TaintEvictionController(api, _state, _events, _timers, clock);
        _podGc = new PodGarbageCollector(api, _state, _agents, _timers, clock);
        _agents.Resumed += _runner.NodeResumed;
    }

    /// <summary>
    /// Stops (false) or restarts (true) the node's kubelet. A stopped kubelet renews no lease and runs no pods:
    /// after the node monitor grace period the node turns Unknown, is tainted unreachable, and its pods are
    /// evicted once their tolerations run out. False when no such node is known.
    /// </summary>
    public bool SetNodeReady(string node, bool ready)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands.Writer.TryWrite(() =>
        {
            var known = _agents.SetRunning(node, ready);
            if (known)
            {
                if (ready)
                {
                    _stoppedKubelets.TryRemove(node, out _);
                }
                else
                {
                    _stoppedKubelets[node] = true;
                }
            }

            done.SetResult(known);
        });
        return done.Task.Wait(TimeSpan.FromSeconds(30)) && done.Task.Result;
    }

    /// <summary>Deletes the Node; the pod garbage collector then deletes the pods bound to it.</summary>
    public ApiResult<DeleteResult> RemoveNode(string node) =>
        _api.Delete(_api.Resolve("", "v1", "nodes")!, "", node, DeleteOptions.Default);

    /// <summary>The nodes whose kubelet was stopped with <see cref="SetNodeReady"/>.</summary>
    public IReadOnlyCollection<string> StoppedKubelets => [.. _stoppedKubelets.Keys.Order(StringComparer.Ordinal)];

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        using var feed = _api.Store.SubscribeAll(includeCurrent: true);
        foreach (var e in feed.Initial)
        {
            Guarded(() => Apply(e));
        }

        _lifecycle.Start();
        Task<bool>? eventsReady = null;
        Task<bool>? commandsReady = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (feed.Events.TryRead(out var e))
            {
                Guarded(() => Apply(e));
            }

            while (_commands.Reader.TryRead(out var command))
            {
                Guarded(command);
            }

            Guarded(() => _timers.RunDue(_clock.GetUtcNow()));
            var morePending = false;
            Guarded(() => morePending = _scheduler.RunPass(SchedulingBatch));
            if (morePending || feed.Events.TryPeek(out _) || _commands.Reader.TryPeek(out _))
            {
                continue;
            }

            eventsReady ??= feed.Events.WaitToReadAsync(cancellationToken).AsTask();
            commandsReady ??= _commands.Reader.WaitToReadAsync(cancellationToken).AsTask();
            using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var delay = _timers.NextDue is { } due
                    ? Task.Delay(Max(due - _clock.GetUtcNow(), TimeSpan.Zero), _clock, sleep.Token)
                    : Task.Delay(Timeout.InfiniteTimeSpan, sleep.Token);
                await Task.WhenAny(eventsReady, commandsReady, delay);
                await sleep.CancelAsync();
            }

            if (eventsReady.IsCompleted)
            {
                if (!await eventsReady)
                {
                    return;
                }

                eventsReady = null;
            }

            if (commandsReady.IsCompleted)
            {
                await commandsReady;
                commandsReady = null;
            }
        }
    }

    /// <summary>Takes a written object in at once (the scheduler's bindings), ahead of its event in the feed.</summary>
    private void Observe(StoredObject written) => Apply(new StoreEvent(StoreEventType.Modified, written, null));

    private void Apply(StoreEvent e)
    {
        var resource = e.Object.Resource;
        if (resource.Group.Length == 0 && resource.Resource == "pods")
        {
            ApplyPod(e);
        }
        else if (resource.Group.Length == 0 && resource.Resource == "nodes")
        {
            ApplyNode(e);
        }
        else if (resource.Group == "coordination.k8s.io" && resource.Resource == "leases" && e.Object.Namespace == NodeAgents.LeaseNamespace && e.Type != StoreEventType.Deleted)
        {
            var renewed = e.Object.ToJsonObject()["spec"]?["renewTime"]?.GetValue<string>();
            if (PodFacts.Time(renewed) is { } at)
            {
                _state.RenewLease(e.Object.Name, at);
            }
        }
    }

    private void ApplyPod(StoreEvent e)
    {
        var key = e.Object.Namespace + "/" + e.Object.Name;
        var previous = _state.Pod(key);
        PodFacts? current;
        if (e.Type == StoreEventType.Deleted)
        {
            if (previous is null || previous.Uid != e.Object.Uid)
            {
                return;
            }

            current = null;
        }
        else
        {
            if (previous is not null && previous.Uid == e.Object.Uid && previous.ResourceVersion >= e.Object.ResourceVersion)
            {
                return;
            }

            current = PodFacts.Read(e.Object);
        }

        _state.SetPod(key, current);
        _scheduler.PodChanged(previous, current, key);
        _runner.PodChanged(previous, current);
        _taintEviction.PodChanged(current, previous?.Uid);
        if (current is not null)
        {
            _podGc.PodChanged(current);
        }
        else
        {
            _events.Forget(previous!.Uid);
        }
    }

    private void ApplyNode(StoreEvent e)
    {
        var name = e.Object.Name;
        var previous = _state.Node(name);
        NodeFacts? current = null;
        if (e.Type == StoreEventType.Deleted)
        {
            _state.RemoveNode(name);
            _stoppedKubelets.TryRemove(name, out _);
        }
        else
        {
            if (previous is not null && previous.Uid == e.Object.Uid && previous.ResourceVersion >= e.Object.ResourceVersion)
            {
                return;
            }

            current = NodeFacts.Read(e.Object);
            _state.SetNode(current);
        }

        _agents.NodeChanged(current, name);
        if (previous is null && current is not null)
        {
            // Pods bound to the node before it registered start now.
            _runner.NodeResumed(name);
        }

        _lifecycle.NodeChanged(previous, current, name);
        _taintEviction.NodeChanged(current, name);
        _podGc.NodeChanged(current, name);
        _scheduler.NodeChanged(previous, current);
    }

    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in one step must not stop the cluster; it is reported where request failures go.
            _log?.WriteLine($"sandbox cluster: {e}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
