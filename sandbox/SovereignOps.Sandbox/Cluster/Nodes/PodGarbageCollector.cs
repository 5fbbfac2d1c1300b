using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Kubelet;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Nodes;

/// <summary>
/// Pod garbage collection: the pods of a deleted Node are deleted with grace 0, as kube-controller-manager's
/// pod GC does. A pod being deleted on a node whose kubelet is down cannot be stopped by it; the simulation
/// removes it when its grace period ends, as if the node had been declared out of service, so that its
/// controller's replacement (same name for StatefulSets) can be scheduled. Loop thread only.
/// </summary>
internal sealed class PodGarbageCollector(ResourceApi api, ClusterState state, NodeAgents agents, TimerQueue timers, TimeProvider clock)
{
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
    private ResourceType? _pods;

    public void NodeChanged(NodeFacts? current, string name)
    {
        foreach (var pod in state.PodsOn(name))
        {
            if (current is null)
            {
                ForceDelete(pod);
            }
            else
            {
                PodChanged(pod);
            }
        }
    }

    public void PodChanged(PodFacts pod)
    {
        if (!pod.IsDeleting || pod.NodeName.Length == 0 || agents.IsRunning(pod.NodeName) || !_planned.Add(pod.Uid))
        {
            return;
        }

        // Nothing runs a pod bound to a node that does not exist: it goes at once.
        var key = pod.Key;
        var due = state.Node(pod.NodeName) is null ? clock.GetUtcNow() : pod.DeletionTimestamp ?? clock.GetUtcNow();
        timers.At(due, () =>
        {
            _planned.Remove(pod.Uid);
            if (state.Pod(key) is { IsDeleting: true } current && current.Uid == pod.Uid && !agents.IsRunning(current.NodeName))
            {
                ForceDelete(current);
            }
        });
    }

    private void ForceDelete(PodFacts pod)
    {
        _pods ??= api.Resolve("", "v1", "pods")!;
        api.Delete(_pods, pod.Namespace, pod.Name, new DeleteOptions { GracePeriodSeconds = 0, PreconditionUid = pod.Uid });
    }
}
