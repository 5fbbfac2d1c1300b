namespace SovereignOps.Api.Validation.Rules;

/// <summary>Policies and profiles name a country that exists: the CRD pattern only checks the shape (two capitals).</summary>
public sealed class CountryCodeRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var policy in bundle.Bundle.Policies.Where(p => !CountryCodes.IsKnown(p.Spec.Country)))
        {
            yield return bundle.Error(policy, "spec.country", Message(policy.Spec.Country));
        }

        foreach (var profile in bundle.Bundle.Profiles.Where(p => !CountryCodes.IsKnown(p.Spec.Country)))
        {
            yield return bundle.Error(profile, "spec.country", Message(profile.Spec.Country));
        }
    }

    private static string Message(string code) =>
        $"{Quote.One(code)} is not an ISO 3166-1 alpha-2 country code; expected an assigned code such as TH, SA or KR";
}
