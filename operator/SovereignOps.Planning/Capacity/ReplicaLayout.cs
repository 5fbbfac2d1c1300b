namespace SovereignOps.Planning.Capacity;

/// <summary>What one replica is made of.</summary>
public enum DeviceKind
{
    /// <summary>Whole GPUs, requested as the pool's GPU resource.</summary>
    WholeGpu,

    /// <summary>One MIG slice, requested as <c>nvidia.com/mig-&lt;profile&gt;</c>.</summary>
    MigSlice,

    /// <summary>One time-sliced share of a GPU; memory is not isolated from the GPU's other tenants.</summary>
    TimeShare,
}

/// <summary>The workload object a replica needs.</summary>
public enum WorkloadKind
{
    Deployment,

    /// <summary>A replica spanning nodes needs stable pod names for its ranks to find the leader.</summary>
    StatefulSet,
}

/// <summary>How one replica is laid out on the pool's devices.</summary>
/// <param name="Kind">Whole GPUs, a MIG slice or a time-sliced share.</param>
/// <param name="ResourceName">The extended resource each pod requests.</param>
/// <param name="DeviceGiB">Memory of one device (a GPU, a slice, or a GPU's share).</param>
/// <param name="DevicesPerNode">Devices each pod of the replica requests.</param>
/// <param name="Nodes">Nodes (pods) one replica spans.</param>
/// <param name="TensorParallel">Tensor-parallel degree passed to the runtime.</param>
/// <param name="PipelineParallel">Pipeline-parallel degree passed to the runtime.</param>
/// <param name="MigProfile">The MIG profile when <paramref name="Kind"/> is <see cref="DeviceKind.MigSlice"/>.</param>
public sealed record ReplicaLayout(
    DeviceKind Kind,
    string ResourceName,
    double DeviceGiB,
    int DevicesPerNode,
    int Nodes,
    int TensorParallel,
    int PipelineParallel,
    string? MigProfile = null)
{
    public int DevicesPerReplica => DevicesPerNode * Nodes;

    public WorkloadKind Workload => Nodes > 1 ? WorkloadKind.StatefulSet : WorkloadKind.Deployment;

    /// <summary>A short description for reports, e.g. <c>TP 8 × PP 2 (2 nodes)</c> or <c>MIG 3g.40gb</c>.</summary>
    public string Describe() => Kind switch
    {
        DeviceKind.MigSlice => $"MIG {MigProfile}",
        DeviceKind.TimeShare => "time-sliced share",
        _ when Nodes > 1 => $"TP {TensorParallel} × PP {PipelineParallel} ({Nodes} nodes)",
        _ when PipelineParallel > 1 => $"PP {PipelineParallel}",
        _ => $"TP {TensorParallel}",
    };

    /// <summary>The memory shape, e.g. <c>4 × 80 GiB</c>, <c>2 nodes × 8 × 80 GiB</c> or <c>1 × 3g.40gb</c>.</summary>
    public string DescribeDevices() => Kind switch
    {
        DeviceKind.MigSlice => $"1 × {MigProfile} slice",
        DeviceKind.TimeShare => $"1 × {Gib.Format(DeviceGiB)} GiB time-sliced share",
        _ when Nodes > 1 => $"{Nodes} nodes × {DevicesPerNode} × {DeviceGiB:0.#} GiB",
        _ => $"{DevicesPerNode} × {DeviceGiB:0.#} GiB",
    };
}
