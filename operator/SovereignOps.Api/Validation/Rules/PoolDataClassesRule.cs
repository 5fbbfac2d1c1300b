namespace SovereignOps.Api.Validation.Rules;

/// <summary>A pool's allowedDataClasses name classes its policy defines.</summary>
public sealed class PoolDataClassesRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools)
        {
            if (bundle.PolicyOf(pool) is not { } policy)
            {
                continue;
            }

            var classes = pool.Spec.AllowedDataClasses;
            for (var i = 0; i < classes.Count; i++)
            {
                if (BundleIndex.DataClassOf(policy, classes[i]) is null)
                {
                    yield return bundle.Error(pool, $"spec.allowedDataClasses[{i}]",
                        $"data class {Quote.One(classes[i])} is not defined by DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(policy.Spec.DataClasses.Select(c => c.Name))}");
                }
            }
        }
    }
}
