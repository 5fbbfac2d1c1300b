using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Capacity;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// A pool's capacity from the Nodes its selector matches, and what the plan allocates of it to the
/// models placed on it. Ready while the nodes are there and Ready; a condition names missing or
/// NotReady nodes. Writes the status only.
/// </summary>
public sealed class GpuPoolReconciler(ReconcileContext context) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (context.Informers.Pools.Cache.Get(key) is not { } pool || pool.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var view = context.Desired.View();
        var status = StatusBuilder.From(pool.Status, pool.Metadata.Generation, context.Time);
        var nodes = context.Informers.Nodes.Cache.List()
            .Where(n => pool.Spec.NodeSelector.Count > 0 && NodeSelection.Matches(n.Metadata.Labels, pool.Spec.NodeSelector))
            .OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var ready = nodes.Where(IsReady).ToList();
        status.Status.Nodes = nodes.Count;
        status.Status.ReadyNodes = ready.Count;
        status.Status.CapacityGpus = ready.Sum(n => GpusOf(n, pool.Spec));

        var allocations = view.PoolPlan(pool.Metadata.Name)?.Allocations ?? [];
        status.Status.Allocations = [.. allocations.Select(a => new PoolAllocation { Model = a.Model, Gpus = a.GpuEquivalents, Resource = a.Resource, Units = a.Units })];
        status.Status.AllocatedGpus = allocations.Sum(a => a.GpuEquivalents);
        status.Status.FreeGpus = Math.Max(0, status.Status.CapacityGpus - status.Status.AllocatedGpus);

        if (view.Validation.ErrorsOf(pool) is { Count: > 0 } errors)
        {
            status.Set(Conditions.Ready, false, Reasons.InvalidSpec, Findings.Join(errors));
        }
        else if (nodes.Count == 0)
        {
            status.Set(Conditions.Ready, false, Reasons.NodesMissing, $"no node matches the selector {Selector(pool)}; expected {pool.Spec.NodeCount}");
        }
        else if (ready.Count < nodes.Count)
        {
            var notReady = nodes.Except(ready).Select(n => n.Metadata.Name);
            status.Set(Conditions.Ready, false, Reasons.NodesNotReady, $"nodes not ready or cordoned: {string.Join(", ", notReady)}");
        }
        else
        {
            status.Set(Conditions.Ready, true, Reasons.NodesReady,
                $"{ready.Count} nodes ready, {status.Status.CapacityGpus} GPUs, {status.Status.AllocatedGpus} allocated, {status.Status.FreeGpus} free");
        }

        var written = await context.WriteStatusAsync(pool, status.Status, cancellationToken);
        return written.IsSuccess ? ReconcileResult.Done : ReconcileResult.Retry($"status: {written.Error}");
    }

    /// <summary>Whole GPUs on a node: its allocatable GPU resource, or for a node advertising only MIG slices, its GPUs as the spec sizes them.</summary>
    private static int GpusOf(V1Node node, GpuPoolSpec spec)
    {
        var allocatable = node.Status?.Allocatable;
        if (allocatable is not null && allocatable.TryGetValue(spec.Gpu.ResourceName, out var gpus) && gpus.ToDecimal() > 0)
        {
            var count = (int)gpus.ToDecimal();
            return spec.Partitioning.Mode == "TimeSlicing" ? count / Math.Max(1, spec.Partitioning.TimeSlicingReplicas ?? 1) : count;
        }

        return allocatable?.Keys.Any(MigSlice.IsMigResource) == true ? spec.Gpu.PerNode : 0;
    }

    private static bool IsReady(V1Node node) =>
        node.Spec?.Unschedulable != true
        && node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status == "True";

    private static string Selector(GpuPool pool) => string.Join(",", pool.Spec.NodeSelector.Select(p => $"{p.Key}={p.Value}"));
}
