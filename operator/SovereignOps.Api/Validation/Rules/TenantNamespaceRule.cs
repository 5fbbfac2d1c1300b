namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Each tenant namespace belongs to one profile: models and agents are attributed to a customer (and its
/// policy) through their namespace, so a shared namespace would make that attribution ambiguous.
/// </summary>
public sealed class TenantNamespaceRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var group in bundle.Bundle.Profiles.GroupBy(p => p.Spec.TenantNamespace, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var profile in group.Skip(1))
            {
                yield return bundle.Error(profile, "spec.tenantNamespace",
                    $"namespace {Quote.One(group.Key)} is already the tenant namespace of SovereignProfile {Quote.One(first.Metadata.Name)}; each customer needs its own namespace");
            }
        }
    }
}
