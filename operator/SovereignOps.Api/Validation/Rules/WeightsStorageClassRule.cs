namespace SovereignOps.Api.Validation.Rules;

/// <summary>A model's weights cache uses a storage class its customer's policy allows (an empty list allows none).</summary>
public sealed class WeightsStorageClassRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var model in bundle.Bundle.Models)
        {
            var storageClass = model.Spec.Weights.CacheStorageClass;
            if (string.IsNullOrEmpty(storageClass) || bundle.PolicyOwning(model.Metadata.NamespaceProperty) is not { } policy)
            {
                continue;
            }

            var allowed = policy.Spec.Storage?.AllowedStorageClasses ?? [];
            if (!allowed.Contains(storageClass))
            {
                yield return bundle.Error(model, "spec.weights.cacheStorageClass",
                    $"storage class {Quote.One(storageClass)} is not allowed by DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(allowed)}");
            }
        }
    }
}
