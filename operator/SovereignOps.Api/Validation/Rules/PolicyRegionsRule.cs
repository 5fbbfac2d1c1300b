namespace SovereignOps.Api.Validation.Rules;

/// <summary>A policy allows at least one region, and no blank one: otherwise no workload could ever be placed.</summary>
public sealed class PolicyRegionsRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var policy in bundle.Bundle.Policies)
        {
            var allowed = policy.Spec.Regions.Allowed;
            if (allowed.Count == 0)
            {
                yield return bundle.Error(policy, "spec.regions.allowed",
                    "the policy allows no region; list at least one in-country region, or no workload can be placed");
                continue;
            }

            for (var i = 0; i < allowed.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(allowed[i]))
                {
                    yield return bundle.Error(policy, $"spec.regions.allowed[{i}]", "a region must not be blank; expected a value of the region node label");
                }
            }
        }
    }
}
