namespace SovereignOps.Planning.Capacity;

/// <summary>One node of a pool and the GPU resources it offers (whole GPUs, MIG slices or time-sliced shares).</summary>
public sealed record NodeDevices(string Node, IReadOnlyDictionary<string, int> Resources)
{
    public int Count(string resource) => Resources.GetValueOrDefault(resource);
}
