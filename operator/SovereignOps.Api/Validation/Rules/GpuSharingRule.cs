using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Data of a class that forbids GPU sharing never lands on a MIG or time-sliced pool: neither by a pool
/// allowing the class, nor by a model of the class being placed there.
/// </summary>
public sealed class GpuSharingRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools.Where(IsShared))
        {
            if (bundle.PolicyOf(pool) is not { } policy)
            {
                continue;
            }

            var classes = pool.Spec.AllowedDataClasses;
            for (var i = 0; i < classes.Count; i++)
            {
                if (BundleIndex.DataClassOf(policy, classes[i]) is { GpuSharingAllowed: false })
                {
                    yield return bundle.Error(pool, $"spec.allowedDataClasses[{i}]",
                        $"data class {Quote.One(classes[i])} forbids GPU sharing, but the pool shares its GPUs ({pool.Spec.Partitioning.Mode}); expected partitioning None for this class");
                }
            }
        }

        foreach (var model in bundle.Bundle.Models)
        {
            if (bundle.PoolOf(model) is not { } pool || !IsShared(pool)
                || bundle.PolicyOwning(model.Metadata.NamespaceProperty) is not { } policy
                || BundleIndex.DataClassOf(policy, model.Spec.DataClass) is not { GpuSharingAllowed: false })
            {
                continue;
            }

            yield return bundle.Error(model, model.Spec.GpuPoolRef is null ? "spec.dataClass" : "spec.gpuPoolRef.name",
                $"data class {Quote.One(model.Spec.DataClass)} forbids GPU sharing, but GpuPool {Quote.One(pool.Metadata.Name)} shares its GPUs ({pool.Spec.Partitioning.Mode}); expected a pool with partitioning None");
        }
    }

    private static bool IsShared(GpuPool pool) => pool.Spec.Partitioning.Mode != "None";
}
