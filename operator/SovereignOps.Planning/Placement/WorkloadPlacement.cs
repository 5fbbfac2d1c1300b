using k8s.Models;

namespace SovereignOps.Planning.Placement;

/// <summary>Where a workload may run, ready to hand to a chart: a required node affinity and tolerations.</summary>
/// <param name="Regions">Regions the workload may run in (policy ∩ pool).</param>
/// <param name="Zones">Zones it is restricted to; empty when the policy does not restrict zones.</param>
/// <param name="DedicatedClass">The data class that put it on the customer's dedicated nodes, if any.</param>
/// <param name="Pool">The GpuPool whose nodes it is pinned to, if any.</param>
public sealed record WorkloadPlacement(
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Zones,
    string? DedicatedClass,
    string? Pool,
    V1NodeAffinity NodeAffinity,
    IReadOnlyList<V1Toleration> Tolerations);

/// <summary>A placement, or why no node can satisfy the policy and the pool together.</summary>
public sealed record PlacementResult(WorkloadPlacement? Placement, string? Problem)
{
    public static PlacementResult Of(WorkloadPlacement placement) => new(placement, null);

    public static PlacementResult Impossible(string problem) => new(null, problem);
}
