using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Guard;

/// <summary>A GPU workload's data class is one the policy defines and the pool accepts, and it shares GPUs only if the class allows it.</summary>
internal static class PoolRules
{
    public const string DataClassLabel = "sovereignops.io/data-class";

    public static void DataClasses(GuardContext context, GuardedObject guarded, ObjectRef owner, ViolationList violations)
    {
        if (guarded.Pool is not { } pool)
        {
            return;
        }

        var field = $"metadata.labels['{DataClassLabel}']";
        foreach (var dataClass in guarded.DataClasses)
        {
            if (context.FindClass(dataClass) is null)
            {
                violations.Add(owner, field, GuardRules.PoolDataClass,
                    context.PolicyClause("spec.dataClasses", context.Policy.Spec.DataClasses.Select(c => c.Name)),
                    $"data class {dataClass} is not defined by the policy");
            }
            else if (pool.Spec.AllowedDataClasses.Count > 0 && !pool.Spec.AllowedDataClasses.Contains(dataClass))
            {
                violations.Add(owner, field, GuardRules.PoolDataClass,
                    $"GpuPool {pool.Metadata.Name} spec.allowedDataClasses [{string.Join(", ", pool.Spec.AllowedDataClasses)}]",
                    $"data class {dataClass} may not run on pool {pool.Metadata.Name}");
            }
        }
    }

    public static void Sharing(GuardContext context, GuardedObject guarded, ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        var forbidding = guarded.DataClasses.FirstOrDefault(c => context.FindClass(c) is { GpuSharingAllowed: false });
        if (forbidding is null)
        {
            return;
        }

        var timeSliced = guarded.Pool?.Spec.Partitioning.Mode == PoolShape.PartitioningTimeSlicing;
        var sharedResource = guarded.Pool?.Spec.Gpu.ResourceName;
        foreach (var container in ContainerView.Of(pod))
        {
            foreach (var resource in container.RequestedResources())
            {
                var shared = MigSlice.IsMigResource(resource) || (timeSliced && resource == sharedResource);
                if (shared)
                {
                    var kind = MigSlice.IsMigResource(resource) ? "a MIG slice" : $"a time-sliced GPU of pool {guarded.Pool?.Metadata.Name}";
                    violations.Add(owner, $"{container.Path}.resources.limits['{resource}']", GuardRules.GpuSharing,
                        context.PolicyClause($"spec.dataClasses[{forbidding}].gpuSharingAllowed false"),
                        $"{resource} is {kind}, shared with other workloads, but data class {forbidding} forbids GPU sharing");
                }
            }
        }
    }
}
