namespace SovereignOps.Planning.Capacity;

/// <summary>The running count of one node's GPU resources: what it has and what is still free.</summary>
internal sealed class NodeLedger
{
    private readonly Dictionary<string, int> capacity;
    private readonly Dictionary<string, int> free;

    public NodeLedger(NodeDevices devices)
    {
        Name = devices.Node;
        capacity = new Dictionary<string, int>(devices.Resources, StringComparer.Ordinal);
        free = new Dictionary<string, int>(devices.Resources, StringComparer.Ordinal);
    }

    private NodeLedger(NodeLedger other)
    {
        Name = other.Name;
        capacity = new Dictionary<string, int>(other.capacity, StringComparer.Ordinal);
        free = new Dictionary<string, int>(other.free, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IEnumerable<string> Resources => capacity.Keys;

    public int Capacity(string resource) => capacity.GetValueOrDefault(resource);

    public int Free(string resource) => free.GetValueOrDefault(resource);

    public void Take(string resource, int units) => free[resource] = Free(resource) - units;

    /// <summary>Cuts one free whole GPU into the pool's MIG layout; its slices become free capacity.</summary>
    public void Partition(string wholeResource, IReadOnlyList<MigPartition> layout)
    {
        Take(wholeResource, 1);
        foreach (var partition in layout)
        {
            var resource = partition.Slice.ResourceName;
            capacity[resource] = Capacity(resource) + partition.PerGpu;
            free[resource] = Free(resource) + partition.PerGpu;
        }
    }

    public NodeLedger Copy() => new(this);
}
