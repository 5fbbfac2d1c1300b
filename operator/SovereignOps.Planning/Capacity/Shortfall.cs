namespace SovereignOps.Planning.Capacity;

/// <summary>Words and numbers for a model that does not fit in what is left of its pool.</summary>
internal static class Shortfall
{
    public static string Describe(PoolLedger pool, ReplicaLayout layout, int replicas, int replicasPlaced)
    {
        var usage = pool.Usage();
        return layout.Kind == DeviceKind.MigSlice
            ? Slices(pool, usage, layout, replicas)
            : Devices(pool, usage, layout, replicas, replicasPlaced);
    }

    private static string Devices(PoolLedger pool, PoolUsage usage, ReplicaLayout layout, int replicas, int replicasPlaced)
    {
        var resource = usage.Find(layout.ResourceName) ?? new ResourceUsage(layout.ResourceName, ResourceUsage.Gpus, 0, 0);
        var total = layout.DevicesPerReplica * replicas;
        var message = $"needs {layout.DescribeDevices()} per replica × {Replicas(replicas)} = {Count(total, resource.Unit)}; "
            + $"pool {pool.Name} has {resource.Capacity}, {resource.Allocated} allocated, {resource.Free} free";
        if (resource.Free < total)
        {
            return message;
        }

        var where = layout.Nodes > 1 ? $"on each of {layout.Nodes} nodes" : "on one node";
        return message + $"; only {replicasPlaced} of {Replicas(replicas)} fit because a replica needs {Count(layout.DevicesPerNode, resource.Unit)} free {where} "
            + $"and the free {resource.Unit} are spread across nodes (most on one node: {pool.MostFreeOnOneNode(layout.ResourceName)})";
    }

    private static string Slices(PoolLedger pool, PoolUsage usage, ReplicaLayout layout, int replicas)
    {
        var slices = usage.Find(layout.ResourceName);
        var gpus = usage.Primary;
        var spare = pool.Capacity.PartitionsOnDemand ? $" and {gpus.Free} of {gpus.Capacity} GPUs left to partition" : string.Empty;
        return $"needs {layout.DescribeDevices()} per replica × {Replicas(replicas)} = {Count(replicas, ResourceUsage.Slices)}; "
            + $"pool {pool.Name} has {slices?.Capacity ?? 0} {layout.MigProfile} slices, {slices?.Free ?? 0} free{spare}";
    }

    private static string Replicas(int count) => Count(count, "replicas");

    /// <summary>"1 GPU", "2 GPUs": every unit name is a plural ending in s.</summary>
    private static string Count(int count, string pluralUnit) => count == 1 ? $"1 {pluralUnit[..^1]}" : $"{count} {pluralUnit}";
}
