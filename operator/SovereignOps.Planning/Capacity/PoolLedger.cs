namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Running GPU accounting of one pool. Replicas are placed node by node, best fit first (the node
/// with the fewest free devices that still holds the replica), so that whole nodes stay free for
/// large replicas; a multi-GPU replica only fits where one node has all its devices free.
/// </summary>
public sealed class PoolLedger
{
    private NodeLedger[] nodes;

    public PoolLedger(PoolCapacity capacity)
    {
        Capacity = capacity;
        nodes = capacity.Nodes.Select(n => new NodeLedger(n)).ToArray();
    }

    public PoolCapacity Capacity { get; }

    public string Name => Capacity.Name;

    /// <summary>Places every replica or none: a model either fits completely or leaves the pool untouched.</summary>
    public AllocationOutcome Allocate(ReplicaLayout layout, int replicas)
    {
        var trial = nodes.Select(n => n.Copy()).ToArray();
        var placed = new List<IReadOnlyList<string>>(replicas);
        for (var replica = 0; replica < replicas; replica++)
        {
            var replicaNodes = layout.Kind == DeviceKind.MigSlice ? PlaceSlice(trial, layout) : PlaceDevices(trial, layout);
            if (replicaNodes is null)
            {
                return new AllocationOutcome(placed, Shortfall.Describe(this, layout, replicas, placed.Count));
            }

            placed.Add(replicaNodes);
        }

        nodes = trial;
        return new AllocationOutcome(placed, null);
    }

    public PoolUsage Usage()
    {
        var shape = Capacity.Shape;
        var primary = Sum(shape.ResourceName, shape.IsTimeSliced ? ResourceUsage.Shares : ResourceUsage.Gpus);
        var slices = nodes.SelectMany(n => n.Resources)
            .Where(MigSlice.IsMigResource)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(resource => Sum(resource, ResourceUsage.Slices));
        return new PoolUsage(Name, [primary, .. slices]);
    }

    /// <summary>Most free units of <paramref name="resource"/> on any single node.</summary>
    public int MostFreeOnOneNode(string resource) => nodes.Length == 0 ? 0 : nodes.Max(n => n.Free(resource));

    private ResourceUsage Sum(string resource, string unit)
    {
        var capacity = nodes.Sum(n => n.Capacity(resource));
        return new ResourceUsage(resource, unit, capacity, capacity - nodes.Sum(n => n.Free(resource)));
    }

    private static IReadOnlyList<string>? PlaceDevices(NodeLedger[] trial, ReplicaLayout layout)
    {
        var chosen = BestFit(trial, layout.ResourceName, layout.DevicesPerNode).Take(layout.Nodes).ToList();
        if (chosen.Count < layout.Nodes)
        {
            return null;
        }

        foreach (var node in chosen)
        {
            node.Take(layout.ResourceName, layout.DevicesPerNode);
        }

        return chosen.Select(n => n.Name).ToList();
    }

    private IReadOnlyList<string>? PlaceSlice(NodeLedger[] trial, ReplicaLayout layout)
    {
        var node = BestFit(trial, layout.ResourceName, 1).FirstOrDefault();
        if (node is null && Capacity.PartitionsOnDemand)
        {
            node = BestFit(trial, Capacity.Shape.ResourceName, 1).FirstOrDefault();
            node?.Partition(Capacity.Shape.ResourceName, Capacity.Shape.MigPartitions);
        }

        if (node is null || node.Free(layout.ResourceName) < 1)
        {
            return null;
        }

        node.Take(layout.ResourceName, 1);
        return [node.Name];
    }

    /// <summary>Nodes with at least <paramref name="units"/> free, fullest first; ties keep node order.</summary>
    private static IEnumerable<NodeLedger> BestFit(NodeLedger[] trial, string resource, int units) =>
        trial.Where(n => n.Free(resource) >= units).OrderBy(n => n.Free(resource));
}
