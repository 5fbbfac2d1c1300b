namespace SovereignOps.Api.Validation.Rules;

/// <summary>A profile is bound by a policy of the bundle, and both are about the same country.</summary>
public sealed class ProfilePolicyRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var profile in bundle.Bundle.Profiles)
        {
            var policyName = profile.Spec.ResidencyPolicyRef.Name;
            if (bundle.PolicyOf(profile) is not { } policy)
            {
                yield return bundle.Error(profile, "spec.residencyPolicyRef.name",
                    $"DataResidencyPolicy {Quote.One(policyName)} does not exist; expected one of: {Quote.List(bundle.Bundle.Policies.Select(p => p.Metadata.Name))}");
            }
            else if (profile.Spec.Country != policy.Spec.Country)
            {
                yield return bundle.Error(profile, "spec.country",
                    $"country {Quote.One(profile.Spec.Country)} differs from {Quote.One(policy.Spec.Country)} of DataResidencyPolicy {Quote.One(policyName)}; a profile must be bound by its own country's policy");
            }
        }
    }
}
