namespace SovereignOps.Api.Profiles;

/// <summary>
/// A coarse memory estimate used only to choose a pool and a default model size when generating a profile:
/// weights × 1.2 plus the KV cache. The planner makes the real decision; this keeps generated bundles from
/// starting out obviously wrong.
/// </summary>
public static class ModelSizing
{
    private const double GiB = 1024.0 * 1024 * 1024;

    /// <summary>Share of a node (or MIG slice) a generated model may plan to use, leaving room for the planner's own headroom.</summary>
    public const double UsableShare = 0.85;

    public static double BytesPerParameter(string precision) => precision switch
    {
        "bf16" or "fp16" => 2.0,
        "fp8" or "int8" => 1.0,
        "int4" => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>Estimated GiB for one replica. Without a known architecture, a grouped-query shape typical of the size is assumed.</summary>
    public static double EstimateGiB(double parametersBillions, string precision, int contextLength, int concurrentSequences, int? layers = null)
    {
        var weights = parametersBillions * 1e9 * BytesPerParameter(precision) / GiB;
        const int kvHeads = 8;
        const int headDim = 128;
        const int kvBytes = 2;
        var kvPerToken = 2.0 * (layers ?? TypicalLayers(parametersBillions)) * kvHeads * headDim * kvBytes;
        var kvCache = kvPerToken * contextLength * concurrentSequences / GiB;
        return weights * 1.2 + kvCache;
    }

    /// <summary>GiB one replica may use on a pool: one MIG slice, or the GPUs of one node usable for tensor parallelism (a power of two).</summary>
    public static double ReplicaCapacityGiB(GpuHardware gpu, int gpusPerNode, string? migProfile) =>
        migProfile is not null
            ? GpuHardware.MigSliceGiB(migProfile)
            : gpu.MemoryGiB * LargestPowerOfTwoAtMost(gpusPerNode);

    public static bool Fits(double estimateGiB, double capacityGiB) => estimateGiB <= capacityGiB * UsableShare;

    private static int TypicalLayers(double parametersBillions) => parametersBillions switch
    {
        <= 10 => 32,
        <= 20 => 40,
        <= 40 => 64,
        <= 80 => 80,
        <= 200 => 96,
        _ => 128,
    };

    private static int LargestPowerOfTwoAtMost(int value)
    {
        var power = 1;
        while (power * 2 <= value)
        {
            power *= 2;
        }

        return power;
    }
}
