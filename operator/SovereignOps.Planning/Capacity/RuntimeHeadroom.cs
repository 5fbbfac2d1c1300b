namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Memory a serving runtime needs beyond weights and KV cache.
/// </summary>
/// <remarks>
/// Two parts. A fraction of weights plus cache covers activations of the largest batch and the
/// allocator's fragmentation; both grow with the model. A fixed amount per GPU (or MIG slice) covers
/// what every device carries regardless of the model: the CUDA context, captured CUDA graphs and
/// the collective-communication buffers. The figures are deliberately on the safe side of what
/// vLLM reserves with its default <c>gpu-memory-utilization</c> of 0.9.
/// </remarks>
public static class RuntimeHeadroom
{
    /// <summary>Share of weights + KV cache reserved for activations and fragmentation.</summary>
    public const double Fraction = 0.10;

    /// <summary>GiB reserved on every device for the CUDA context, CUDA graphs and NCCL buffers.</summary>
    public const double PerDeviceGiB = 2.0;

    /// <summary>Headroom of a replica whose weights and cache take <paramref name="modelGiB"/>, spread over <paramref name="devices"/> devices.</summary>
    public static double For(double modelGiB, int devices) => (modelGiB * Fraction) + (PerDeviceGiB * devices);

    /// <summary>The share of a replica's memory that has to land on each device (weights and cache split evenly).</summary>
    public static double ScalableGiB(double modelGiB) => modelGiB * (1 + Fraction);

    /// <summary>Whether <paramref name="devices"/> devices of <paramref name="deviceGiB"/> each hold the replica.</summary>
    public static bool Fits(double modelGiB, int devices, double deviceGiB) =>
        ScalableGiB(modelGiB) <= devices * (deviceGiB - PerDeviceGiB);

    /// <summary>The fewest devices of <paramref name="deviceGiB"/> that hold the replica, ignoring topology.</summary>
    public static int DevicesNeeded(double modelGiB, double deviceGiB)
    {
        var usable = deviceGiB - PerDeviceGiB;
        return usable <= 0 ? int.MaxValue : Math.Max(1, (int)Math.Ceiling(ScalableGiB(modelGiB) / usable - 1e-9));
    }
}
