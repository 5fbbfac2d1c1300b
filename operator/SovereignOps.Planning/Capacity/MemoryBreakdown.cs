namespace SovereignOps.Planning.Capacity;

/// <summary>Memory one replica needs, in GiB, for the device count it is laid out on.</summary>
public sealed record MemoryBreakdown(double WeightsGiB, double KvCacheGiB, double HeadroomGiB, ModelShape Shape)
{
    public double TotalGiB => WeightsGiB + KvCacheGiB + HeadroomGiB;

    /// <summary>Weights plus KV cache: the part that splits across devices.</summary>
    public double ModelGiB => WeightsGiB + KvCacheGiB;

    /// <summary>The same figures with the headroom recomputed for <paramref name="devices"/> devices.</summary>
    public MemoryBreakdown OnDevices(int devices) => this with { HeadroomGiB = RuntimeHeadroom.For(ModelGiB, devices) };
}
