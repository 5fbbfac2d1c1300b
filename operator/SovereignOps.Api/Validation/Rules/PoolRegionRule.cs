namespace SovereignOps.Api.Validation.Rules;

/// <summary>A pool's region, and its zones when the policy narrows zones, are inside what its profile's policy allows.</summary>
public sealed class PoolRegionRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools)
        {
            if (bundle.PolicyOf(pool) is not { } policy)
            {
                continue;
            }

            var regions = policy.Spec.Regions;
            if (!regions.Allowed.Contains(pool.Spec.Region))
            {
                yield return bundle.Error(pool, "spec.region",
                    $"region {Quote.One(pool.Spec.Region)} is outside DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(regions.Allowed)}");
            }

            if (regions.AllowedZones.Count == 0)
            {
                continue;
            }

            for (var i = 0; i < pool.Spec.Zones.Count; i++)
            {
                if (!regions.AllowedZones.Contains(pool.Spec.Zones[i]))
                {
                    yield return bundle.Error(pool, $"spec.zones[{i}]",
                        $"zone {Quote.One(pool.Spec.Zones[i])} is outside DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(regions.AllowedZones)}");
                }
            }
        }
    }
}
