using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Events;
using SovereignOps.Sandbox.Cluster.Kubelet;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Nodes;

/// <summary>
/// The node lifecycle controller of kube-controller-manager: a node whose lease was not renewed within
/// <see cref="ClusterOptions.NodeMonitorGracePeriod"/> gets its conditions set Unknown and its pods marked
/// not ready; a node that is not Ready carries the not-ready (False) or unreachable (Unknown) taints, with
/// both NoSchedule and NoExecute effects, removed once it is Ready again. Loop thread only.
/// </summary>
internal sealed class NodeLifecycleController(ResourceApi api, ClusterState state, EventRecorder events, TimerQueue timers, ClusterOptions options, TimeProvider clock)
{
    private const string Manager = "node-lifecycle-controller";
    private const string Component = "node-controller";

    private readonly Dictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private ResourceType? _nodes;
    private ResourceType? _pods;

    public void Start() => ScheduleMonitor(clock.GetUtcNow() + options.NodeMonitorPeriod);

    public void NodeChanged(NodeFacts? previous, NodeFacts? current, string name)
    {
        if (current is null)
        {
            _firstSeen.Remove(name);
            return;
        }

        _firstSeen.TryAdd(name, clock.GetUtcNow());
        if (previous is not null && previous.Readiness == NodeReadiness.Ready && current.Readiness != NodeReadiness.Ready)
        {
            events.Normal(new InvolvedObject("Node", "v1", "", name, current.Uid), "NodeNotReady", $"Node {name} status is now: NodeNotReady", Component);
            MarkPodsNotReady(name);
        }

        SyncTaints(current);
    }

    private void ScheduleMonitor(DateTimeOffset due) => timers.At(due, () =>
    {
        Monitor(clock.GetUtcNow() - due);
        ScheduleMonitor(clock.GetUtcNow() + options.NodeMonitorPeriod);
    });

    /// <summary>
    /// Nodes whose kubelet went quiet for longer than the grace period are marked Unknown. The kubelets run on the
    /// same loop, so when the loop itself ran late (a starved machine) their renewals were late by as much: that
    /// lateness is added to the grace period, so only a stopped kubelet, never a busy loop, loses its node.
    /// </summary>
    private void Monitor(TimeSpan lateness)
    {
        var now = clock.GetUtcNow();
        var grace = options.NodeMonitorGracePeriod + (lateness > TimeSpan.Zero ? lateness : TimeSpan.Zero);
        foreach (var node in state.Nodes.Values.Where(n => n.Readiness != NodeReadiness.Unknown).ToList())
        {
            var lastHeard = state.LeaseRenewedAt(node.Name) ?? _firstSeen.GetValueOrDefault(node.Name, now);
            if (now - lastHeard <= grace)
            {
                continue;
            }

            _nodes ??= api.Resolve("", "v1", "nodes")!;
            ControllerWrites.Update(api, _nodes, "", node.Name, Manager, obj => NodeStatus.MarkUnknown(obj, now), Subresource.Status);
        }
    }

    private void MarkPodsNotReady(string node)
    {
        _pods ??= api.Resolve("", "v1", "pods")!;
        var now = clock.GetUtcNow();
        foreach (var pod in state.PodsOn(node).Where(p => !p.IsTerminal && p.IsReady))
        {
            ControllerWrites.Update(api, _pods, pod.Namespace, pod.Name, Manager, obj => PodStatusReport.MarkNotReady(obj, now), Subresource.Status);
        }
    }

    /// <summary>Keeps the condition taints in line with the Ready condition; NoExecute taints record when they were added.</summary>
    private void SyncTaints(NodeFacts node)
    {
        var wanted = node.Readiness switch
        {
            NodeReadiness.NotReady => Taint.NotReadyKey,
            NodeReadiness.Unknown => Taint.UnreachableKey,
            _ => null,
        };
        var condition = new HashSet<string>([Taint.NotReadyKey, Taint.UnreachableKey], StringComparer.Ordinal);
        var present = node.Taints.Where(t => condition.Contains(t.Key)).ToList();
        var upToDate = wanted is null
            ? present.Count == 0
            : present.Count == 2 && present.All(t => t.Key == wanted) && present.Any(t => t.Effect == Taint.NoSchedule) && present.Any(t => t.Effect == Taint.NoExecute);
        if (upToDate)
        {
            return;
        }

        _nodes ??= api.Resolve("", "v1", "nodes")!;
        var added = SandboxJson.Timestamp(clock.GetUtcNow());
        ControllerWrites.Update(api, _nodes, "", node.Name, Manager, obj =>
        {
            var spec = obj["spec"] as JsonObject ?? new JsonObject();
            obj["spec"] = spec;
            var taints = (spec["taints"] as JsonArray)?.OfType<JsonObject>().Where(t => !condition.Contains(t.GetString("key") ?? "")).Select(t => (JsonNode)t.DeepClone()).ToList() ?? [];
            if (wanted is not null)
            {
                taints.Add(new JsonObject { ["key"] = wanted, ["effect"] = Taint.NoSchedule });
                taints.Add(new JsonObject { ["key"] = wanted, ["effect"] = Taint.NoExecute, ["timeAdded"] = added });
            }

            if (taints.Count == 0)
            {
                spec.Remove("taints");
            }
            else
            {
                spec["taints"] = new JsonArray([.. taints]);
            }

            return true;
        });
    }
}
