namespace SovereignOps.Api.Validation.Rules;

/// <summary>A model's data class is defined by its customer's policy and allowed on the pool it is placed on.</summary>
public sealed class ModelDataClassRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var model in bundle.Bundle.Models)
        {
            if (bundle.PolicyOwning(model.Metadata.NamespaceProperty) is not { } policy)
            {
                continue;
            }

            var dataClass = model.Spec.DataClass;
            if (BundleIndex.DataClassOf(policy, dataClass) is null)
            {
                yield return bundle.Error(model, "spec.dataClass",
                    $"data class {Quote.One(dataClass)} is not defined by DataResidencyPolicy {Quote.One(policy.Metadata.Name)}; expected one of: {Quote.List(policy.Spec.DataClasses.Select(c => c.Name))}");
                continue;
            }

            if (bundle.PoolOf(model) is { } pool && pool.Spec.AllowedDataClasses.Count > 0 && !pool.Spec.AllowedDataClasses.Contains(dataClass))
            {
                yield return bundle.Error(model, "spec.dataClass",
                    $"data class {Quote.One(dataClass)} is not allowed on GpuPool {Quote.One(pool.Metadata.Name)}; the pool allows: {Quote.List(pool.Spec.AllowedDataClasses)}");
            }
        }
    }
}
