namespace SovereignOps.Api.Validation.Rules;

/// <summary>A pool belongs to a profile of the bundle.</summary>
public sealed class PoolProfileRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools.Where(p => bundle.ProfileOf(p) is null))
        {
            yield return bundle.Error(pool, "spec.profileRef.name",
                $"SovereignProfile {Quote.One(pool.Spec.ProfileRef.Name)} does not exist; expected one of: {Quote.List(bundle.Bundle.Profiles.Select(p => p.Metadata.Name))}");
        }
    }
}
