using System.Globalization;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// Host resources of a model pod, derived from its plan. GPUs are what the planner accounts; CPU and
/// host memory are sized so the runtime can feed its devices and stage its share of the weights.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>CPU: 4 cores per device (tokenisation, scheduling and one worker process per GPU).</item>
/// <item>Shared memory (/dev/shm, memory-backed): 8 GiB for one device, 16 GiB for several (NCCL and worker hand-off).</item>
/// <item>Host memory: the pod's share of the weights plus 25 % (loading stages tensors in host memory), the
/// shared memory, and 8 GiB for the runtime process; at least 16 GiB.</item>
/// <item>Startup budget: 10 minutes plus 6 s per GiB of weights in the pod, rounded up to a minute:
/// loading speed is bounded by the weights volume.</item>
/// </list>
/// </remarks>
public sealed record ModelSizing(int Cpu, int MemoryGiB, int SharedMemoryGiB, int StartupBudgetSeconds)
{
    public const int CpuPerDevice = 4;

    public string CpuQuantity => Cpu.ToString(CultureInfo.InvariantCulture);

    public string MemoryQuantity => Gi(MemoryGiB);

    public string SharedMemoryQuantity => Gi(SharedMemoryGiB);

    public static ModelSizing For(MemoryBreakdown memory, ReplicaLayout layout)
    {
        var devices = layout.DevicesPerNode;
        var weightsPerPod = memory.WeightsGiB / layout.Nodes;
        var shm = devices > 1 ? 16 : 8;
        var host = Math.Max(16, (int)Math.Ceiling((weightsPerPod * 1.25) + shm + 8));
        var startup = 600 + (int)Math.Ceiling(weightsPerPod * 6);
        return new ModelSizing(Math.Max(CpuPerDevice, CpuPerDevice * devices), host, shm, ((startup + 59) / 60) * 60);
    }

    public static string Gi(double gib) => ((long)Math.Ceiling(gib)).ToString(CultureInfo.InvariantCulture) + "Gi";
}
