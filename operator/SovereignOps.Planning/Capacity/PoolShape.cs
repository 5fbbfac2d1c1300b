namespace SovereignOps.Planning.Capacity;

/// <summary>A MIG profile of a pool's partition layout and how many of it each GPU is cut into.</summary>
public sealed record MigPartition(MigSlice Slice, int PerGpu);

/// <summary>The hardware shape of a pool, as the layout planner needs it: devices, not usage.</summary>
/// <param name="Name">Pool name.</param>
/// <param name="GpuModel">GPU model, e.g. H100-80GB.</param>
/// <param name="GpuMemoryGiB">Usable memory of one GPU.</param>
/// <param name="GpusPerNode">Most whole GPUs any node of the pool has.</param>
/// <param name="NodeCount">Nodes in the pool.</param>
/// <param name="FastInterconnect">NVLink or Infinity Fabric between the GPUs of a node (not PCIe).</param>
/// <param name="ResourceName">Extended resource of a whole GPU (or of a time-sliced share).</param>
/// <param name="Partitioning">None, MIG or TimeSlicing.</param>
/// <param name="MigPartitions">The MIG layout of a partitioned GPU.</param>
/// <param name="TimeSlicingReplicas">Workloads sharing one GPU when time-sliced.</param>
public sealed record PoolShape(
    string Name,
    string GpuModel,
    double GpuMemoryGiB,
    int GpusPerNode,
    int NodeCount,
    bool FastInterconnect,
    string ResourceName,
    string Partitioning,
    IReadOnlyList<MigPartition> MigPartitions,
    int TimeSlicingReplicas)
{
    public const string PartitioningNone = "None";
    public const string PartitioningMig = "MIG";
    public const string PartitioningTimeSlicing = "TimeSlicing";

    public bool IsMig => Partitioning == PartitioningMig;

    public bool IsTimeSliced => Partitioning == PartitioningTimeSlicing;

    /// <summary>Memory of one time-sliced share: a GPU's memory split evenly between the workloads sharing it.</summary>
    public double TimeShareGiB => GpuMemoryGiB / Math.Max(1, TimeSlicingReplicas);
}
