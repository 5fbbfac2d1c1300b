using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Placement;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// Residency checks that need only the resources and the plan, not rendered objects: what
/// <c>sovereignctl plan</c> can say before any chart is rendered. The rendered-object guard repeats
/// the binding checks on the actual manifests.
/// </summary>
public static class PlanGuard
{
    public static IReadOnlyList<Violation> CheckModel(GuardContext context, ModelPlan plan, PlacementResult? placement)
    {
        var violations = new ViolationList();
        var model = plan.Model;
        var owner = new ObjectRef(model.Kind, model.Metadata.NamespaceProperty ?? string.Empty, model.Metadata.Name ?? string.Empty);
        var dataClass = context.FindClass(model.Spec.DataClass);

        if (placement?.Problem is { } problem)
        {
            violations.Add(owner, "spec.gpuPoolRef", GuardRules.PoolRegion,
                context.PolicyClause("spec.regions", context.Policy.Spec.Regions.Allowed.Concat(context.Policy.Spec.Regions.AllowedZones)), problem);
        }

        if (dataClass is null)
        {
            violations.Add(owner, "spec.dataClass", GuardRules.PoolDataClass,
                context.PolicyClause("spec.dataClasses", context.Policy.Spec.DataClasses.Select(c => c.Name)),
                $"data class {model.Spec.DataClass} is not defined by the policy");
        }
        else if (plan.Pool is { } pool)
        {
            if (pool.Spec.AllowedDataClasses.Count > 0 && !pool.Spec.AllowedDataClasses.Contains(dataClass.Name))
            {
                violations.Add(owner, "spec.dataClass", GuardRules.PoolDataClass,
                    $"GpuPool {pool.Metadata.Name} spec.allowedDataClasses [{string.Join(", ", pool.Spec.AllowedDataClasses)}]",
                    $"data class {dataClass.Name} may not run on pool {pool.Metadata.Name}");
            }

            if (dataClass.DedicatedNodes && !pool.Spec.Dedicated)
            {
                violations.Add(owner, "spec.gpuPoolRef", GuardRules.DedicatedNodes,
                    context.PolicyClause($"spec.dataClasses[{dataClass.Name}].dedicatedNodes"),
                    $"data class {dataClass.Name} demands dedicated nodes, but pool {pool.Metadata.Name} is not dedicated");
            }

            if (!dataClass.GpuSharingAllowed && plan.Layout?.Kind is DeviceKind.MigSlice or DeviceKind.TimeShare)
            {
                violations.Add(owner, "spec.gpuPoolRef", GuardRules.GpuSharing,
                    context.PolicyClause($"spec.dataClasses[{dataClass.Name}].gpuSharingAllowed false"),
                    $"pool {pool.Metadata.Name} shares GPUs ({pool.Spec.Partitioning.Mode}), which data class {dataClass.Name} forbids");
            }
        }

        if (model.Spec.Weights.CacheStorageClass is { Length: > 0 } storageClass
            && context.Policy.Spec.Storage is { } storage && !storage.AllowedStorageClasses.Contains(storageClass))
        {
            violations.Add(owner, "spec.weights.cacheStorageClass", GuardRules.StorageClass,
                context.PolicyClause("spec.storage.allowedStorageClasses", storage.AllowedStorageClasses),
                $"storage class {storageClass} is not allowed");
        }

        return violations.Items;
    }

    public static IReadOnlyList<Violation> CheckAgent(GuardContext context, AgentCatalog catalog, int index)
    {
        var violations = new ViolationList();
        var entry = catalog.Spec.Agents[index];
        var owner = new ObjectRef(catalog.Kind, catalog.Metadata.NamespaceProperty ?? string.Empty, catalog.Metadata.Name ?? string.Empty);
        var allowList = context.Policy.Spec.Egress?.AllowedCidrs ?? [];
        var allowed = allowList.Select(Cidr.TryParse).OfType<Cidr>().ToList();

        foreach (var (target, j) in entry.EgressAllowList.Select((t, j) => (t, j)))
        {
            if (!(Cidr.TryParse(target.Cidr) is { } cidr && allowed.Any(a => a.Contains(cidr))))
            {
                violations.Add(owner, $"spec.agents[{index}].egressAllowList[{j}].cidr", GuardRules.Egress,
                    context.PolicyClause("spec.egress.allowedCidrs", allowList),
                    $"agent {entry.Name} may reach {target.Cidr}, outside the allow-list");
            }
        }

        foreach (var (dataClass, j) in entry.DataClasses.Select((c, j) => (c, j)))
        {
            if (context.FindClass(dataClass) is null)
            {
                violations.Add(owner, $"spec.agents[{index}].dataClasses[{j}]", GuardRules.PoolDataClass,
                    context.PolicyClause("spec.dataClasses", context.Policy.Spec.DataClasses.Select(c => c.Name)),
                    $"data class {dataClass} is not defined by the policy");
            }
        }

        return violations.Items;
    }
}
