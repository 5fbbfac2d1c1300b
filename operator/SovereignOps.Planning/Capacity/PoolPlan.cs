using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>What a model holds of a pool once every model is accounted.</summary>
/// <param name="Model">namespace/name of the ModelDeployment.</param>
/// <param name="Resource">The extended resource allocated.</param>
/// <param name="Units">Units of the resource across every replica.</param>
/// <param name="GpuEquivalents">Whole GPUs the units occupy, rounding slices and shares up per GPU.</param>
public sealed record ModelAllocation(string Model, string Resource, int Units, int GpuEquivalents);

/// <summary>A pool after every model placed on it has been accounted.</summary>
public sealed record PoolPlan(GpuPool Pool, CapacitySource Source, int Nodes, PoolUsage Usage, IReadOnlyList<ModelAllocation> Allocations)
{
    public string Name => Pool.Metadata.Name ?? string.Empty;
}
