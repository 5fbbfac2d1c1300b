using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Scheduling;

namespace SovereignOps.Sandbox.Cluster;

/// <summary>
/// The cluster as the simulation sees it, kept from the store's change feed: nodes, pods, which pods each
/// node holds, what the pods holding resources request per node, and when each node's lease was last
/// renewed. Owned by the cluster loop's thread.
/// </summary>
internal sealed class ClusterState
{
    private readonly Dictionary<string, NodeFacts> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodFacts> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeUsage> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _leaseRenewals = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, NodeFacts> Nodes => _nodes;

    public NodeFacts? Node(string name) => _nodes.GetValueOrDefault(name);

    public PodFacts? Pod(string key) => _pods.GetValueOrDefault(key);

    public DateTimeOffset? LeaseRenewedAt(string node) => _leaseRenewals.TryGetValue(node, out var at) ? at : null;

    /// <summary>Every pod bound to the node, finished ones included.</summary>
    public IReadOnlyList<PodFacts> PodsOn(string node) =>
        _usage.TryGetValue(node, out var usage) ? [.. usage.Pods.Select(k => _pods[k])] : [];

    public NodeCandidate Candidate(NodeFacts node)
    {
        var usage = _usage.GetValueOrDefault(node.Name);
        return usage is null
            ? new NodeCandidate(node, new Dictionary<string, long>(), 0)
            : new NodeCandidate(node, new Dictionary<string, long>(usage.Requested, StringComparer.Ordinal), usage.Holding);
    }

    public void SetNode(NodeFacts node) => _nodes[node.Name] = node;

    public void RemoveNode(string name)
    {
        _nodes.Remove(name);
        _leaseRenewals.Remove(name);
    }

    public void RenewLease(string node, DateTimeOffset at) => _leaseRenewals[node] = at;

    /// <summary>Stores the pod's new facts (null: deleted) and moves its resource accounting; returns the previous facts.</summary>
    public PodFacts? SetPod(string key, PodFacts? pod)
    {
        var previous = _pods.GetValueOrDefault(key);
        if (previous is not null)
        {
            Account(previous, -1);
        }

        if (pod is null)
        {
            _pods.Remove(key);
        }
        else
        {
            _pods[key] = pod;
            Account(pod, +1);
        }

        return previous;
    }

    private void Account(PodFacts pod, int sign)
    {
        if (pod.NodeName.Length == 0)
        {
            return;
        }

        if (!_usage.TryGetValue(pod.NodeName, out var usage))
        {
            usage = new NodeUsage();
            _usage[pod.NodeName] = usage;
        }

        if (sign > 0)
        {
            usage.Pods.Add(pod.Key);
        }
        else
        {
            usage.Pods.Remove(pod.Key);
        }

        if (pod.HoldsResources)
        {
            usage.Holding += sign;
            foreach (var (resource, amount) in pod.Requests.Amounts)
            {
                usage.Requested[resource] = usage.Requested.GetValueOrDefault(resource) + (sign * amount);
            }
        }

        if (usage.Pods.Count == 0)
        {
            _usage.Remove(pod.NodeName);
        }
    }

    private sealed class NodeUsage
    {
        public HashSet<string> Pods { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Requested { get; } = new(StringComparer.Ordinal);

        public int Holding { get; set; }
    }
}
