using SovereignOps.Sandbox.Cluster.Model;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>A node as the scheduler weighs it: its facts plus what the pods already bound to it request.</summary>
public sealed record NodeCandidate(NodeFacts Node, IReadOnlyDictionary<string, long> Requested, int PodCount)
{
    public long Free(string resource) => Node.Allocatable[resource] - Requested.GetValueOrDefault(resource);
}
