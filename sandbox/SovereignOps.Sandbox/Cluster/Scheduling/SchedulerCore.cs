using System.Collections.Immutable;
using SovereignOps.Sandbox.Cluster.Model;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>
/// The scheduling decision for one pod over a set of nodes, with no I/O: kube-scheduler's default filters
/// in its plugin order (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit — a node is
/// reported with the first plugin that rejects it), then a ranking of the nodes that fit: preferred node
/// affinity weight, fewest untolerated PreferNoSchedule taints, least allocated, and last a hash of the seed,
/// the pod and the node, so equal inputs always give the same node. Not thread-safe (it reuses buffers).
/// </summary>
public sealed class SchedulerCore(int seed)
{
    private static readonly string[] ScoredResources = ["cpu", "memory"];

    private readonly List<string> _reasons = [];

    public SchedulingDecision Decide(PodFacts pod, IReadOnlyList<NodeCandidate> nodes)
    {
        if (nodes.Count == 0)
        {
            return new SchedulingDecision(null, FilterReasons.NoNodesAvailable, ImmutableDictionary<string, int>.Empty);
        }

        NodeCandidate? best = null;
        var bestScore = default(NodeScore);
        Dictionary<string, int>? failures = null;
        var resolvable = 0;
        foreach (var candidate in nodes)
        {
            _reasons.Clear();
            var resourcesOnly = Filter(pod, candidate, _reasons);
            if (_reasons.Count == 0)
            {
                var score = Score(pod, candidate);
                if (best is null || score.CompareTo(bestScore) > 0)
                {
                    best = candidate;
                    bestScore = score;
                }

                continue;
            }

            failures ??= new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var reason in _reasons)
            {
                failures[reason] = failures.GetValueOrDefault(reason) + 1;
            }

            if (resourcesOnly)
            {
                resolvable++;
            }
        }

        if (best is not null)
        {
            return SchedulingDecision.BoundTo(best.Node.Name);
        }

        var reasons = failures!.ToImmutableDictionary(StringComparer.Ordinal);
        return new SchedulingDecision(null, UnschedulableMessage.Format(nodes.Count, reasons, PostFilter(pod, nodes.Count, resolvable)), reasons);
    }

    /// <summary>
    /// Preemption is not simulated: nodes rejected only for resources are reported as having no victims,
    /// the rest as nodes where preemption cannot help.
    /// </summary>
    private static string PostFilter(PodFacts pod, int nodeCount, int resolvable)
    {
        if (pod.PreemptionPolicy == "Never")
        {
            return UnschedulableMessage.PreemptionNever;
        }

        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        if (resolvable > 0)
        {
            reasons[FilterReasons.NoPreemptionVictims] = resolvable;
        }

        if (nodeCount - resolvable > 0)
        {
            reasons[FilterReasons.PreemptionNotHelpful] = nodeCount - resolvable;
        }

        return UnschedulableMessage.Preemption(nodeCount, reasons);
    }

    /// <summary>Adds why the node does not fit (nothing when it fits); true when only resources are short.</summary>
    private static bool Filter(PodFacts pod, NodeCandidate candidate, List<string> reasons)
    {
        var node = candidate.Node;
        if (node.Unschedulable && !Tolerated(pod, new Taint(Taint.UnschedulableKey, "", Taint.NoSchedule)))
        {
            reasons.Add(FilterReasons.Unschedulable);
            return false;
        }

        if (HasUntoleratedTaint(pod, node))
        {
            reasons.Add(FilterReasons.UntoleratedTaint);
            return false;
        }

        if (!NodeAffinity.Matches(pod, node))
        {
            reasons.Add(FilterReasons.NodeAffinity);
            return false;
        }

        if (candidate.PodCount + 1 > node.MaxPods)
        {
            reasons.Add(FilterReasons.TooManyPods);
        }

        foreach (var (resource, amount) in pod.Requests.Amounts)
        {
            if (amount > 0 && resource != "pods" && amount > candidate.Free(resource))
            {
                reasons.Add(FilterReasons.Insufficient(resource));
            }
        }

        return true;
    }

    private static bool HasUntoleratedTaint(PodFacts pod, NodeFacts node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Effect is Taint.NoSchedule or Taint.NoExecute && !Tolerated(pod, taint))
            {
                return true;
            }
        }

        // A node that stopped being Ready is unschedulable before the lifecycle controller gets to taint it.
        if (node.Readiness != NodeReadiness.Ready && !node.Taints.Any(t => t.Key is Taint.NotReadyKey or Taint.UnreachableKey))
        {
            var key = node.Readiness == NodeReadiness.NotReady ? Taint.NotReadyKey : Taint.UnreachableKey;
            return !Tolerated(pod, new Taint(key, "", Taint.NoSchedule));
        }

        return false;
    }

    private static bool Tolerated(PodFacts pod, Taint taint)
    {
        foreach (var toleration in pod.Tolerations)
        {
            if (toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }

    private NodeScore Score(PodFacts pod, NodeCandidate candidate)
    {
        var node = candidate.Node;
        var affinity = 0;
        foreach (var preferred in pod.PreferredTerms)
        {
            if (preferred.Preference.Matches(node.Name, node.Labels))
            {
                affinity += preferred.Weight;
            }
        }

        var preferNoSchedule = node.Taints.Count(t => t.Effect == Taint.PreferNoSchedule && !Tolerated(pod, t));
        return new NodeScore(affinity, -preferNoSchedule, LeastAllocated(pod, candidate), TieBreak(pod, node.Name));
    }

    /// <summary>The mean share left free after placing the pod, over cpu, memory and every extended resource it asks for.</summary>
    private static long LeastAllocated(PodFacts pod, NodeCandidate candidate)
    {
        long total = 0;
        var counted = 0;
        foreach (var resource in ScoredResources.Concat(pod.Requests.Amounts.Keys.Where(IsExtended)))
        {
            var allocatable = candidate.Node.Allocatable[resource];
            if (allocatable <= 0)
            {
                continue;
            }

            var after = candidate.Requested.GetValueOrDefault(resource) + pod.Requests[resource];
            total += Math.Max(0, allocatable - after) * 100 / allocatable;
            counted++;
        }

        return counted == 0 ? 0 : total / counted;
    }

    private static bool IsExtended(string resource) => resource is not ("cpu" or "memory" or "pods" or "ephemeral-storage");

    private ulong TieBreak(PodFacts pod, string node)
    {
        // FNV-1a over seed, pod and node: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL ^ (uint)seed;
        foreach (var part in (ReadOnlySpan<string>)[pod.Namespace, pod.Name, node])
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ '/') * 1099511628211UL;
        }

        return hash;
    }

    private readonly record struct NodeScore(int Affinity, int PreferNoSchedule, long LeastAllocated, ulong TieBreak) : IComparable<NodeScore>
    {
        public int CompareTo(NodeScore other)
        {
            var byAffinity = Affinity.CompareTo(other.Affinity);
            if (byAffinity != 0)
            {
                return byAffinity;
            }

            var byTaints = PreferNoSchedule.CompareTo(other.PreferNoSchedule);
            if (byTaints != 0)
            {
                return byTaints;
            }

            var byAllocation = LeastAllocated.CompareTo(other.LeastAllocated);
            return byAllocation != 0 ? byAllocation : TieBreak.CompareTo(other.TieBreak);
        }
    }
}
