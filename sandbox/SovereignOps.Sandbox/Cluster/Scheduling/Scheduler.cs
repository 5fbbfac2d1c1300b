using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Events;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>
/// The default-scheduler of the simulated cluster: takes pending pods (no node, scheduler "default-scheduler"
/// or unset) in queue order, asks <see cref="SchedulerCore"/> for a node and binds through pods/binding.
/// A pod that fits nowhere gets PodScheduled=False/Unschedulable and a FailedScheduling event, and waits
/// until a node changes or a pod releases resources. Runs on the cluster loop's thread.
/// </summary>
internal sealed class Scheduler(ResourceApi api, ClusterState state, EventRecorder events, SchedulerCore core, TimeProvider clock, Action<StoredObject> observe)
{
    public const string Name = "default-scheduler";

    private readonly SchedulingQueue _queue = new();
    private readonly Dictionary<string, string> _lastMessage = new(StringComparer.Ordinal);
    private ResourceType? _pods;

    public static bool IsPending(PodFacts pod) =>
        pod.NodeName.Length == 0 && !pod.IsDeleting && !pod.IsTerminal && pod.SchedulerName is "" or Name;

    public void PodChanged(PodFacts? previous, PodFacts? current, string key)
    {
        if (current is not null && IsPending(current))
        {
            _queue.Upsert(current);
            return;
        }

        _queue.Remove(key);
        _lastMessage.Remove(key);
        if (previous is { HoldsResources: true } && current is not { HoldsResources: true })
        {
            // Resources were released: pods that did not fit may fit now.
            _queue.RetryUnschedulable();
        }
    }

    public void NodeChanged(NodeFacts? previous, NodeFacts? current)
    {
        if (current is null || previous is null || SchedulingRelevantChange(previous, current))
        {
            _queue.RetryUnschedulable();
        }
    }

    /// <summary>
    /// Schedules up to <paramref name="limit"/> pods of the active queue (nodes are read once and kept current as
    /// pods are bound), so that a long queue does not hold up the kubelets and timers; true when pods remain.
    /// </summary>
    public bool RunPass(int limit)
    {
        if (_queue.ActiveCount == 0)
        {
            return false;
        }

        var candidates = state.Nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal).Select(state.Candidate).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            index[candidates[i].Node.Name] = i;
        }

        for (var tried = 0; tried < limit && _queue.Pop() is { } pod; tried++)
        {
            var decision = core.Decide(pod, candidates);
            if (decision.NodeName is { } node)
            {
                if (Bind(pod, node))
                {
                    candidates[index[node]] = state.Candidate(state.Node(node)!);
                }

                continue;
            }

            _queue.Park(pod);
            ReportUnschedulable(pod, decision.Message);
        }

        return _queue.ActiveCount > 0;
    }

    private bool Bind(PodFacts pod, string node)
    {
        _pods ??= api.Resolve("", "v1", "pods")!;
        var binding = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Binding",
            ["metadata"] = new JsonObject { ["name"] = pod.Name, ["namespace"] = pod.Namespace, ["uid"] = pod.Uid },
            ["target"] = new JsonObject { ["kind"] = "Node", ["name"] = node },
        };
        var bound = api.Bind(pod.Namespace, pod.Name, binding, new WriteOptions { FieldManager = Name });
        _queue.Done(pod.Key);
        _lastMessage.Remove(pod.Key);
        if (!bound.Succeeded)
        {
            // Deleted, rebound by someone else or replaced under the same name: the feed brings the new state.
            return false;
        }

        // Take the bound pod in now, before the store's event arrives, so the next pod sees it on its node.
        observe(bound.Value);
        events.Normal(About(pod), "Scheduled", $"Successfully assigned {pod.Namespace}/{pod.Name} to {node}", Name);
        return true;
    }

    private void ReportUnschedulable(PodFacts pod, string message)
    {
        // The same verdict again only bumps the event's count; the condition already says it.
        events.Warning(About(pod), "FailedScheduling", message, Name);
        if (_lastMessage.TryGetValue(pod.Key, out var last) && last == message)
        {
            return;
        }

        _lastMessage[pod.Key] = message;
        _pods ??= api.Resolve("", "v1", "pods")!;
        var now = clock.GetUtcNow();
        ControllerWrites.Update(api, _pods, pod.Namespace, pod.Name, Name, obj =>
        {
            if (obj.Metadata().GetString("uid") != pod.Uid || obj.At("spec.nodeName") is JsonValue)
            {
                return false;
            }

            var status = obj["status"] as JsonObject ?? new JsonObject();
            obj["status"] = status;
            new ConditionList(status, now).Set("PodScheduled", "False", "Unschedulable", message);
            return true;
        }, Subresource.Status);
    }

    private static InvolvedObject About(PodFacts pod) => new("Pod", "v1", pod.Namespace, pod.Name, pod.Uid);

    private static bool SchedulingRelevantChange(NodeFacts a, NodeFacts b) =>
        a.Readiness != b.Readiness
        || a.Unschedulable != b.Unschedulable
        || !a.Taints.SequenceEqual(b.Taints)
        || !a.Labels.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(b.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        || !a.Allocatable.Amounts.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(b.Allocatable.Amounts.OrderBy(p => p.Key, StringComparer.Ordinal));
}
