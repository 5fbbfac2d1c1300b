namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Data of a class that demands dedicated nodes runs only on dedicated pools: neither a shared pool may
/// allow the class, nor may a model of the class be placed on one.
/// </summary>
public sealed class DedicatedNodesRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools.Where(p => !p.Spec.Dedicated))
        {
            if (bundle.PolicyOf(pool) is not { } policy)
            {
                continue;
            }

            var classes = pool.Spec.AllowedDataClasses;
            for (var i = 0; i < classes.Count; i++)
            {
                if (BundleIndex.DataClassOf(policy, classes[i]) is { DedicatedNodes: true })
                {
                    yield return bundle.Error(pool, $"spec.allowedDataClasses[{i}]",
                        $"data class {Quote.One(classes[i])} requires dedicated nodes, but the pool is not dedicated; expected spec.dedicated: true");
                }
            }
        }

        foreach (var model in bundle.Bundle.Models)
        {
            if (bundle.PoolOf(model) is not { Spec.Dedicated: false } pool
                || bundle.PolicyOwning(model.Metadata.NamespaceProperty) is not { } policy
                || BundleIndex.DataClassOf(policy, model.Spec.DataClass) is not { DedicatedNodes: true })
            {
                continue;
            }

            yield return bundle.Error(model, model.Spec.GpuPoolRef is null ? "spec.dataClass" : "spec.gpuPoolRef.name",
                $"data class {Quote.One(model.Spec.DataClass)} requires dedicated nodes, but GpuPool {Quote.One(pool.Metadata.Name)} is not dedicated; expected a pool with dedicated: true");
        }
    }
}
