using System.Numerics;

namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Chooses how one replica is laid out on a pool's devices: a MIG slice, a time-sliced share,
/// tensor parallel within a node, pipeline stages on PCIe, or pipeline parallel across nodes.
/// Looks only at the pool's hardware; whether there is room left is the ledger's question.
/// </summary>
public static class LayoutPlanner
{
    public static LayoutDecision Choose(MemoryBreakdown memory, PoolShape pool, ServingEngine engine, bool sharingAllowed)
    {
        var model = memory.ModelGiB;

        if (pool.IsMig && sharingAllowed && SmallestSliceThatFits(model, pool) is { } partition)
        {
            var slice = partition.Slice;
            return LayoutDecision.Fits(
                new ReplicaLayout(DeviceKind.MigSlice, slice.ResourceName, slice.MemoryGiB, 1, 1, 1, 1, slice.Profile), memory);
        }

        if (pool.IsTimeSliced)
        {
            return RuntimeHeadroom.Fits(model, 1, pool.TimeShareGiB)
                ? LayoutDecision.Fits(new ReplicaLayout(DeviceKind.TimeShare, pool.ResourceName, pool.TimeShareGiB, 1, 1, 1, 1), memory)
                : LayoutDecision.DoesNotFit(memory.OnDevices(1),
                    $"needs {Gib.Format(memory.OnDevices(1).TotalGiB)} GiB per replica; a time-sliced share of pool {pool.Name} is "
                    + $"{pool.GpuMemoryGiB:0.#} GiB / {pool.TimeSlicingReplicas} = {Gib.Format(pool.TimeShareGiB)} GiB, and a replica cannot span shares");
        }

        return WholeGpus(memory, pool, engine);
    }

    private static MigPartition? SmallestSliceThatFits(double modelGiB, PoolShape pool) =>
        pool.MigPartitions
            .Where(p => RuntimeHeadroom.Fits(modelGiB, 1, p.Slice.MemoryGiB))
            .OrderBy(p => p.Slice.MemoryGiB)
            .ThenBy(p => p.Slice.ComputeSlices)
            .ThenBy(p => p.Slice.Profile, StringComparer.Ordinal)
            .FirstOrDefault();

    private static LayoutDecision WholeGpus(MemoryBreakdown memory, PoolShape pool, ServingEngine engine)
    {
        var perNode = pool.GpusPerNode;
        if (perNode < 1 || pool.NodeCount < 1)
        {
            return LayoutDecision.DoesNotFit(memory, $"pool {pool.Name} has no whole GPUs ({pool.ResourceName}) on any node");
        }

        var gpuGiB = pool.GpuMemoryGiB;
        var needed = RuntimeHeadroom.DevicesNeeded(memory.ModelGiB, gpuGiB);
        var pipelineOnPcie = !pool.FastInterconnect && engine.PipelineParallel;

        if (needed <= perNode)
        {
            if (pipelineOnPcie)
            {
                return Single(pool, memory, needed, tensor: 1, pipeline: needed);
            }

            var tensor = (int)BitOperations.RoundUpToPowerOf2((uint)needed);
            if (tensor <= perNode)
            {
                return Single(pool, memory, tensor, tensor, pipeline: 1);
            }

            if (engine.PipelineParallel)
            {
                // A node whose GPU count is not a power of two: tensor parallel as wide as a power of two
                // allows, with pipeline stages making up the rest.
                var width = LargestPowerOfTwoAtMost(perNode);
                var stages = (needed + width - 1) / width;
                if (width * stages <= perNode)
                {
                    return Single(pool, memory, width * stages, width, stages);
                }
            }
        }

        return AcrossNodes(memory, pool, engine, needed, pipelineOnPcie);
    }

    private static LayoutDecision AcrossNodes(MemoryBreakdown memory, PoolShape pool, ServingEngine engine, int needed, bool pipelineOnPcie)
    {
        var perNode = pool.GpusPerNode;
        if (!engine.SpansNodes)
        {
            return LayoutDecision.DoesNotFit(memory.OnDevices(needed),
                $"needs {Gib.Format(memory.OnDevices(needed).TotalGiB)} GiB per replica; the largest placement on pool {pool.Name} is "
                + $"{perNode} × {pool.GpuMemoryGiB:0.#} GiB = {perNode * pool.GpuMemoryGiB:0.#} GiB on one node, and {engine.Name} serves a replica from a single node");
        }

        var gpusPerNode = pipelineOnPcie ? perNode : LargestPowerOfTwoAtMost(perNode);
        var nodes = (needed + gpusPerNode - 1) / gpusPerNode;
        if (nodes > pool.NodeCount)
        {
            return LayoutDecision.DoesNotFit(memory.OnDevices(needed),
                $"needs {Gib.Format(memory.OnDevices(needed).TotalGiB)} GiB per replica; the largest placement on pool {pool.Name} is "
                + $"{Nodes(pool.NodeCount)} × {perNode} × {pool.GpuMemoryGiB:0.#} GiB = {pool.NodeCount * perNode * pool.GpuMemoryGiB:0.#} GiB");
        }

        if (pipelineOnPcie)
        {
            // Every GPU is a pipeline stage; spread the stages evenly over the nodes.
            var stagesPerNode = (needed + nodes - 1) / nodes;
            return LayoutDecision.Fits(
                new ReplicaLayout(DeviceKind.WholeGpu, pool.ResourceName, pool.GpuMemoryGiB, stagesPerNode, nodes, 1, stagesPerNode * nodes), memory);
        }

        return LayoutDecision.Fits(
            new ReplicaLayout(DeviceKind.WholeGpu, pool.ResourceName, pool.GpuMemoryGiB, gpusPerNode, nodes, gpusPerNode, nodes), memory);
    }

    private static LayoutDecision Single(PoolShape pool, MemoryBreakdown memory, int gpus, int tensor, int pipeline) =>
        LayoutDecision.Fits(new ReplicaLayout(DeviceKind.WholeGpu, pool.ResourceName, pool.GpuMemoryGiB, gpus, 1, tensor, pipeline), memory);

    private static string Nodes(int count) => count == 1 ? "1 node" : $"{count} nodes";

    private static int LargestPowerOfTwoAtMost(int value) => value < 1 ? 0 : 1 << BitOperations.Log2((uint)value);
}
