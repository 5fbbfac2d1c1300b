using System.Net;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// A model whose data class must stay in the country loads its weights from inside the country. The rule,
/// by URI scheme:
/// <list type="bullet">
/// <item><c>pvc://</c> is a claim in the tenant namespace, and <c>s3://</c> a bucket of the cluster's own
/// object store: both are inside the cluster and accepted.</item>
/// <item><c>https://</c> and <c>oci://</c> name a host, which must be the profile's registry mirror host (or
/// a subdomain of it), a host under the country's top-level domain (<c>.th</c>, <c>.sa</c>, <c>.kr</c>), a
/// cluster-internal service (a single label, <c>.svc</c> or <c>.cluster.local</c>), or an IP address inside
/// the policy's egress allow-list. A public hub such as huggingface.co is none of these.</item>
/// </list>
/// Domain names are a proxy for where a server stands, not proof; the rule catches the common mistake of
/// pointing a sovereign deployment at a public download, and the guard's egress policy enforces the rest.
/// </summary>
public sealed class WeightsResidencyRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var model in bundle.Bundle.Models)
        {
            if (bundle.ProfileOwning(model.Metadata.NamespaceProperty) is not { } profile
                || bundle.PolicyOf(profile) is not { } policy
                || BundleIndex.DataClassOf(policy, model.Spec.DataClass) is not { InCountryOnly: true }
                || !Uri.TryCreate(model.Spec.Weights.Uri, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "oci")
                || IsInCountry(uri, profile, policy))
            {
                continue;
            }

            yield return bundle.Error(model, "spec.weights.uri",
                $"host {Quote.One(uri.Host)} is not in-country, and data class {Quote.One(model.Spec.DataClass)} must stay in {policy.Spec.Country}; " +
                $"expected the registry mirror {Quote.One(MirrorHost(profile))}, a host under .{CountryCodes.TopLevelDomain(policy.Spec.Country)}, " +
                "a cluster-internal service, or an address in the policy's egress allow-list");
        }
    }

    /// <summary>The host part of the profile's mirror (<c>registry.gov.th:5000/sovereign</c> → <c>registry.gov.th</c>).</summary>
    public static string MirrorHost(SovereignProfile profile)
    {
        var mirror = profile.Spec.Registry.Mirror;
        var end = mirror.IndexOfAny([':', '/']);
        return (end < 0 ? mirror : mirror[..end]).ToLowerInvariant();
    }

    private static bool IsInCountry(Uri uri, SovereignProfile profile, DataResidencyPolicy policy)
    {
        var host = uri.IdnHost.ToLowerInvariant();
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) && InEgressAllowList(address, policy);
        }

        var mirror = MirrorHost(profile);
        return host == mirror
            || host.EndsWith("." + mirror, StringComparison.Ordinal)
            || host.EndsWith("." + CountryCodes.TopLevelDomain(policy.Spec.Country), StringComparison.Ordinal)
            || !host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".cluster.local", StringComparison.Ordinal);
    }

    private static bool InEgressAllowList(IPAddress address, DataResidencyPolicy policy) =>
        (policy.Spec.Egress?.AllowedCidrs ?? []).Any(cidr => CidrBlock.TryParse(cidr, out var block) && block.Contains(address));
}
