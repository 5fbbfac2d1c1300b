using k8s;
using k8s.Models;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Models and agent catalogs live in a profile's tenant namespace: that is how they are attributed to a
/// customer and to the residency policy that binds it.
/// </summary>
public sealed class TenantObjectNamespaceRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        var tenantObjects = bundle.Bundle.Models.Cast<IKubernetesObject<V1ObjectMeta>>().Concat(bundle.Bundle.Catalogs);
        var tenants = bundle.Bundle.Profiles.Select(p => p.Spec.TenantNamespace).ToList();
        foreach (var resource in tenantObjects)
        {
            var namespaceName = resource.Metadata.NamespaceProperty;
            if (string.IsNullOrEmpty(namespaceName))
            {
                yield return bundle.Error(resource, "metadata.namespace",
                    $"a {resource.Kind} must name its namespace; expected the tenantNamespace of a SovereignProfile: {Quote.List(tenants)}");
            }
            else if (bundle.ProfileOwning(namespaceName) is null)
            {
                yield return bundle.Error(resource, "metadata.namespace",
                    $"namespace {Quote.One(namespaceName)} is not the tenantNamespace of any SovereignProfile; expected one of: {Quote.List(tenants)}");
            }
        }
    }
}
