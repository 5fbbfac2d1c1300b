using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Events;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Nodes;

/// <summary>
/// NoExecute taint eviction (kube-controller-manager's taint-eviction-controller): a pod on a node with a
/// NoExecute taint it does not tolerate is deleted at once; one that tolerates every such taint for a
/// limited time (tolerationSeconds, e.g. the 300 s DefaultTolerationSeconds gives) is deleted when the
/// shortest of those times has passed, unless the taints are gone by then. Loop thread only.
/// </summary>
internal sealed class TaintEvictionController(ResourceApi api, ClusterState state, EventRecorder events, TimerQueue timers, TimeProvider clock)
{
    private const string Component = "taint-eviction-controller";

    private readonly Dictionary<string, DateTimeOffset> _planned = new(StringComparer.Ordinal);
    private ResourceType? _pods;

    public void NodeChanged(NodeFacts? current, string name)
    {
        if (current is null)
        {
            return;
        }

        foreach (var pod in state.PodsOn(name))
        {
            Evaluate(pod);
        }
    }

    public void PodChanged(PodFacts? current, string? goneUid)
    {
        if (current is null)
        {
            if (goneUid is not null)
            {
                _planned.Remove(goneUid);
            }

            return;
        }

        Evaluate(current);
    }

    private void Evaluate(PodFacts pod)
    {
        var due = EvictionTime(pod);
        if (due is null)
        {
            _planned.Remove(pod.Uid);
            return;
        }

        var now = clock.GetUtcNow();
        if (due <= now)
        {
            Evict(pod);
            return;
        }

        if (_planned.TryGetValue(pod.Uid, out var planned) && planned <= due)
        {
            return;
        }

        _planned[pod.Uid] = due.Value;
        var key = pod.Key;
        timers.At(due.Value, () =>
        {
            if (state.Pod(key) is { } current && current.Uid == pod.Uid && EvictionTime(current) is { } still && still <= clock.GetUtcNow())
            {
                Evict(current);
            }
        });
    }

    /// <summary>When the pod must leave its node; null when it may stay.</summary>
    private DateTimeOffset? EvictionTime(PodFacts pod)
    {
        if (pod.IsDeleting || pod.NodeName.Length == 0 || state.Node(pod.NodeName) is not { } node)
        {
            return null;
        }

        DateTimeOffset? earliest = null;
        foreach (var taint in node.Taints.Where(t => t.Effect == Taint.NoExecute))
        {
            var matching = pod.Tolerations.Where(t => t.Tolerates(taint)).ToList();
            if (matching.Count == 0)
            {
                return clock.GetUtcNow();
            }

            if (matching.Any(t => t.TolerationSeconds is null))
            {
                continue;
            }

            var seconds = Math.Max(0, matching.Min(t => t.TolerationSeconds!.Value));
            var due = (taint.TimeAdded ?? clock.GetUtcNow()).AddSeconds(seconds);
            earliest = earliest is null || due < earliest ? due : earliest;
        }

        return earliest;
    }

    private void Evict(PodFacts pod)
    {
        _planned.Remove(pod.Uid);
        _pods ??= api.Resolve("", "v1", "pods")!;
        var deleted = api.Delete(_pods, pod.Namespace, pod.Name, new DeleteOptions { PreconditionUid = pod.Uid });
        if (deleted.Succeeded)
        {
            events.Normal(new InvolvedObject("Pod", "v1", pod.Namespace, pod.Name, pod.Uid), "TaintManagerEviction", $"Marking for deletion Pod {pod.Namespace}/{pod.Name}", Component);
        }
    }
}
