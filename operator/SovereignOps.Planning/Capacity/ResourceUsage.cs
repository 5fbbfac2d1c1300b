namespace SovereignOps.Planning.Capacity;

/// <summary>Capacity and allocation of one extended resource across a pool.</summary>
/// <param name="Resource">Extended resource name, e.g. nvidia.com/gpu or nvidia.com/mig-3g.40gb.</param>
/// <param name="Unit">What one unit is: GPUs, slices or shares.</param>
public sealed record ResourceUsage(string Resource, string Unit, int Capacity, int Allocated)
{
    public const string Gpus = "GPUs";
    public const string Slices = "slices";
    public const string Shares = "shares";

    public int Free => Capacity - Allocated;

    public override string ToString() => $"{Capacity} {Unit}, {Allocated} allocated, {Free} free";
}

/// <summary>A pool's usage at one point of the accounting; the first entry is the pool's GPU resource.</summary>
public sealed record PoolUsage(string Pool, IReadOnlyList<ResourceUsage> Resources)
{
    public ResourceUsage Primary => Resources[0];

    public ResourceUsage? Find(string resource) => Resources.FirstOrDefault(r => r.Resource == resource);
}
