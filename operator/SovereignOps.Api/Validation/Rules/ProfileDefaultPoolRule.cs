namespace SovereignOps.Api.Validation.Rules;

/// <summary>A profile's defaultGpuPool exists and is one of the profile's own pools.</summary>
public sealed class ProfileDefaultPoolRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var profile in bundle.Bundle.Profiles.Where(p => !string.IsNullOrEmpty(p.Spec.DefaultGpuPool)))
        {
            var name = profile.Spec.DefaultGpuPool;
            var ownPools = bundle.Bundle.Pools.Where(p => p.Spec.ProfileRef.Name == profile.Metadata.Name).Select(p => p.Metadata.Name);
            if (bundle.Bundle.FindPool(name!) is not { } pool)
            {
                yield return bundle.Error(profile, "spec.defaultGpuPool",
                    $"GpuPool {Quote.One(name)} does not exist; expected one of the profile's pools: {Quote.List(ownPools)}");
            }
            else if (pool.Spec.ProfileRef.Name != profile.Metadata.Name)
            {
                yield return bundle.Error(profile, "spec.defaultGpuPool",
                    $"GpuPool {Quote.One(name)} belongs to SovereignProfile {Quote.One(pool.Spec.ProfileRef.Name)}; expected one of the profile's pools: {Quote.List(ownPools)}");
            }
        }
    }
}
