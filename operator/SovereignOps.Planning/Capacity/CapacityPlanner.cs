using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Plans every ModelDeployment of a bundle onto its GPU pool: memory per replica, the replica's
/// layout, and running accounting per pool. Models are accounted in a fixed order (priority
/// descending, then namespace and name), so the same bundle always gives the same plan whatever the
/// order its files were read in, and a higher-priority model is never crowded out by a lower one.
/// </summary>
public static class CapacityPlanner
{
    public static CapacityPlan Plan(Bundle bundle)
    {
        var ledgers = new SortedDictionary<string, PoolLedger>(StringComparer.Ordinal);
        foreach (var pool in bundle.Pools)
        {
            ledgers.TryAdd(pool.Metadata.Name ?? string.Empty, new PoolLedger(PoolCapacity.For(pool, bundle.Nodes)));
        }

        var plans = AccountingOrder(bundle.Models).Select(model => PlanModel(model, bundle, ledgers)).ToList();
        var pools = ledgers.Values.Select(ledger => Summarise(ledger, plans)).ToList();
        return new CapacityPlan(plans, pools);
    }

    /// <summary>Priority descending, then namespace, then name (ordinal).</summary>
    public static IReadOnlyList<ModelDeployment> AccountingOrder(IEnumerable<ModelDeployment> models) =>
        models
            .OrderByDescending(m => m.Spec.Priority)
            .ThenBy(m => m.Metadata.NamespaceProperty ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Metadata.Name ?? string.Empty, StringComparer.Ordinal)
            .ToList();

    /// <summary>Replicas the pool must hold: the autoscaling ceiling when autoscaling, else the fixed count.</summary>
    public static int PlannedReplicas(ModelDeploymentSpec spec) => spec.Autoscaling?.MaxReplicas ?? spec.Replicas;

    private static ModelPlan PlanModel(ModelDeployment model, Bundle bundle, IReadOnlyDictionary<string, PoolLedger> ledgers)
    {
        var memory = MemoryEstimator.Estimate(model.Spec);
        var replicas = PlannedReplicas(model.Spec);
        var pool = bundle.PoolFor(model);
        if (pool is null || !ledgers.TryGetValue(pool.Metadata.Name ?? string.Empty, out var ledger))
        {
            return new ModelPlan(model, null, memory, null, replicas, null, null, [], MissingPool(model, bundle));
        }

        var decision = LayoutPlanner.Choose(memory, ledger.Capacity.Shape, ServingEngine.For(model.Spec.Runtime.Engine), SharingAllowed(model, bundle));
        var before = ledger.Usage();
        if (decision.Layout is null)
        {
            return new ModelPlan(model, pool, decision.Memory, null, replicas, before, before, [], decision.Problem);
        }

        var outcome = ledger.Allocate(decision.Layout, replicas);
        return new ModelPlan(model, pool, decision.Memory, decision.Layout, replicas, before, ledger.Usage(),
            outcome.Allocated ? outcome.ReplicaNodes : [], outcome.Shortfall);
    }

    /// <summary>Whether the model's data class may share a GPU; an unknown class or policy is treated as not.</summary>
    private static bool SharingAllowed(ModelDeployment model, Bundle bundle)
    {
        var profile = bundle.ProfileForNamespace(model.Metadata.NamespaceProperty);
        var policy = profile is null ? null : bundle.FindPolicy(profile.Spec.ResidencyPolicyRef.Name);
        return policy?.Spec.DataClasses.Find(c => c.Name == model.Spec.DataClass)?.GpuSharingAllowed ?? false;
    }

    private static string MissingPool(ModelDeployment model, Bundle bundle)
    {
        if (model.Spec.GpuPoolRef is { } reference)
        {
            return $"GPU pool {reference.Name} is not in the bundle";
        }

        var profile = bundle.ProfileForNamespace(model.Metadata.NamespaceProperty);
        return profile?.Spec.DefaultGpuPool is { } fallback
            ? $"the profile's default GPU pool {fallback} is not in the bundle"
            : "names no GPU pool (spec.gpuPoolRef) and its profile has no defaultGpuPool";
    }

    private static PoolPlan Summarise(PoolLedger ledger, IReadOnlyList<ModelPlan> plans)
    {
        var shape = ledger.Capacity.Shape;
        var allocations = plans
            .Where(p => p.Fits && p.Layout is not null && p.PoolName == ledger.Name && p.Replicas > 0)
            .Select(p => Allocation(p, shape))
            .ToList();
        return new PoolPlan(ledger.Capacity.Pool, ledger.Capacity.Source, ledger.Capacity.Nodes.Count, ledger.Usage(), allocations);
    }

    private static ModelAllocation Allocation(ModelPlan plan, PoolShape shape)
    {
        var layout = plan.Layout!;
        var units = layout.DevicesPerReplica * plan.Replicas;
        var perGpu = layout.Kind switch
        {
            DeviceKind.MigSlice => shape.MigPartitions.FirstOrDefault(p => p.Slice.Profile == layout.MigProfile)?.PerGpu ?? 1,
            DeviceKind.TimeShare => shape.TimeSlicingReplicas,
            _ => 1,
        };
        return new ModelAllocation(plan.Key, layout.ResourceName, units, (units + perGpu - 1) / perGpu);
    }
}
