namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// A model is placed on an existing pool of its own customer: its gpuPoolRef, or else its profile's
/// defaultGpuPool (a missing default is reported on the profile).
/// </summary>
public sealed class ModelPoolRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var model in bundle.Bundle.Models)
        {
            if (bundle.ProfileOwning(model.Metadata.NamespaceProperty) is not { } profile)
            {
                continue;
            }

            var ownPools = bundle.Bundle.Pools.Where(p => p.Spec.ProfileRef.Name == profile.Metadata.Name).Select(p => p.Metadata.Name);
            if (model.Spec.GpuPoolRef is not { } reference)
            {
                if (string.IsNullOrEmpty(profile.Spec.DefaultGpuPool))
                {
                    yield return bundle.Error(model, "spec.gpuPoolRef",
                        $"no gpuPoolRef, and SovereignProfile {Quote.One(profile.Metadata.Name)} has no defaultGpuPool; expected a pool of the profile: {Quote.List(ownPools)}");
                }

                continue;
            }

            if (bundle.Bundle.FindPool(reference.Name) is not { } pool)
            {
                yield return bundle.Error(model, "spec.gpuPoolRef.name",
                    $"GpuPool {Quote.One(reference.Name)} does not exist; expected a pool of SovereignProfile {Quote.One(profile.Metadata.Name)}: {Quote.List(ownPools)}");
            }
            else if (pool.Spec.ProfileRef.Name != profile.Metadata.Name)
            {
                yield return bundle.Error(model, "spec.gpuPoolRef.name",
                    $"GpuPool {Quote.One(reference.Name)} belongs to SovereignProfile {Quote.One(pool.Spec.ProfileRef.Name)}, not to {Quote.One(profile.Metadata.Name)} which owns namespace {Quote.One(model.Metadata.NamespaceProperty)}; expected one of: {Quote.List(ownPools)}");
            }
        }
    }
}
