using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>Where a pool's capacity figures come from.</summary>
public enum CapacitySource
{
    /// <summary>nodeCount × gpu.perNode from the GpuPool spec: planning before the nodes exist.</summary>
    Spec,

    /// <summary>The allocatable GPU resources of the nodes that match the pool's selector.</summary>
    Nodes,
}

/// <summary>
/// The devices a pool offers, node by node. From the nodes that match the pool's selector when there
/// are any (their allocatable resources are what the scheduler will use), else from the spec.
/// </summary>
/// <remarks>
/// Planned from the spec, a MIG pool's GPUs are partitioned on demand: a GPU serves one whole-GPU
/// workload, or is cut into the pool's MIG layout and serves that many slice workloads (the MIG
/// manager's per-GPU configuration with the device plugin's mixed strategy). Planned from nodes, the
/// slices the nodes advertise are taken as they are.
/// </remarks>
public sealed class PoolCapacity
{
    private PoolCapacity(GpuPool pool, CapacitySource source, IReadOnlyList<NodeDevices> nodes, PoolShape shape)
    {
        Pool = pool;
        Source = source;
        Nodes = nodes;
        Shape = shape;
    }

    public GpuPool Pool { get; }

    public string Name => Pool.Metadata.Name ?? string.Empty;

    public CapacitySource Source { get; }

    /// <summary>The pool's nodes, ordered by name. A pool with an empty selector is planned from its spec.</summary>
    public IReadOnlyList<NodeDevices> Nodes { get; }

    public PoolShape Shape { get; }

    /// <summary>Whether GPUs are cut into the MIG layout as slices are allocated.</summary>
    public bool PartitionsOnDemand => Source == CapacitySource.Spec && Shape.IsMig;

    public static PoolCapacity For(GpuPool pool, IEnumerable<V1Node> clusterNodes)
    {
        var matching = clusterNodes
            .Where(node => pool.Spec.NodeSelector.Count > 0
                && IsSchedulable(node)
                && NodeSelection.Matches(node.Metadata?.Labels, pool.Spec.NodeSelector))
            .OrderBy(node => node.Metadata?.Name, StringComparer.Ordinal)
            .Select(node => FromNode(node, pool.Spec))
            .ToList();

        return matching.Count > 0
            ? new PoolCapacity(pool, CapacitySource.Nodes, matching, ShapeOf(pool, matching))
            : FromSpec(pool);
    }

    private static PoolCapacity FromSpec(GpuPool pool)
    {
        var spec = pool.Spec;
        var perNode = spec.Partitioning.Mode == PoolShape.PartitioningTimeSlicing
            ? spec.Gpu.PerNode * Math.Max(1, spec.Partitioning.TimeSlicingReplicas ?? 1)
            : spec.Gpu.PerNode;
        var name = pool.Metadata.Name ?? "pool";
        var nodes = Enumerable.Range(0, spec.NodeCount)
            .Select(i => new NodeDevices($"{name}-{i}", new Dictionary<string, int>(StringComparer.Ordinal) { [spec.Gpu.ResourceName] = perNode }))
            .ToList();
        return new PoolCapacity(pool, CapacitySource.Spec, nodes, ShapeOf(pool, nodes));
    }

    private static NodeDevices FromNode(V1Node node, GpuPoolSpec spec)
    {
        var resources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (resource, quantity) in node.Status?.Allocatable ?? new Dictionary<string, ResourceQuantity>())
        {
            if (resource == spec.Gpu.ResourceName || MigSlice.IsMigResource(resource))
            {
                resources[resource] = (int)Math.Clamp(Math.Floor(quantity.ToDecimal()), 0, int.MaxValue);
            }
        }

        return new NodeDevices(node.Metadata?.Name ?? string.Empty, resources);
    }

    private static PoolShape ShapeOf(GpuPool pool, IReadOnlyList<NodeDevices> nodes)
    {
        var spec = pool.Spec;
        var timeSliced = spec.Partitioning.Mode == PoolShape.PartitioningTimeSlicing;
        var replicas = Math.Max(1, spec.Partitioning.TimeSlicingReplicas ?? 1);
        var wholeGpusPerNode = nodes.Count == 0
            ? 0
            : nodes.Max(n => timeSliced ? n.Count(spec.Gpu.ResourceName) / replicas : n.Count(spec.Gpu.ResourceName));
        var partitions = spec.Partitioning.MigProfiles
            .Select(p => MigSlice.TryParse(p.Profile) is { } slice ? new MigPartition(slice, p.PerGpu) : null)
            .OfType<MigPartition>()
            .ToList();
        return new PoolShape(
            pool.Metadata.Name ?? string.Empty,
            spec.Gpu.Model,
            spec.Gpu.MemoryGiB,
            wholeGpusPerNode,
            nodes.Count,
            spec.Gpu.Interconnect != "PCIe",
            spec.Gpu.ResourceName,
            spec.Partitioning.Mode,
            partitions,
            replicas);
    }

    private static bool IsSchedulable(V1Node node) =>
        node.Spec?.Unschedulable != true
        && node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is not { Status: not "True" };
}
