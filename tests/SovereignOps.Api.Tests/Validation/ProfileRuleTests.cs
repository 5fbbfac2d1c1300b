using k8s.Models;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class ProfileRuleTests
{
    [Fact]
    public void A_profile_referencing_a_missing_policy_is_reported_with_the_policies_that_exist()
    {
        var bundle = SampleBundle.Create();
        bundle.Profiles[0].Spec.ResidencyPolicyRef.Name = "th-pdpa-2019";

        RuleAssert.Single(new ProfilePolicyRule(), bundle, "spec.residencyPolicyRef.name",
            "DataResidencyPolicy \"th-pdpa-2019\" does not exist; expected one of: \"th-pdpa\"");
    }

    [Fact]
    public void A_profile_bound_by_another_countrys_policy_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Profiles[0].Spec.Country = "SA";

        RuleAssert.Single(new ProfilePolicyRule(), bundle, "spec.country", "country \"SA\" differs from \"TH\"");
    }

    [Fact]
    public void A_missing_default_pool_is_reported_with_the_profiles_pools()
    {
        var bundle = SampleBundle.Create();
        bundle.Profiles[0].Spec.DefaultGpuPool = "moph-b200";

        RuleAssert.Single(new ProfileDefaultPoolRule(), bundle, "spec.defaultGpuPool",
            "GpuPool \"moph-b200\" does not exist; expected one of the profile's pools: \"moph-h100\", \"moph-a100-mig\"");
    }

    [Fact]
    public void A_default_pool_of_another_profile_is_reported()
    {
        var bundle = SampleBundle.Create();
        var other = SampleBundle.SharedPool();
        other.Metadata.Name = "mdes-l40s";
        other.Spec.ProfileRef.Name = "mdes";
        bundle.Pools.Add(other);
        bundle.Profiles[0].Spec.DefaultGpuPool = "mdes-l40s";

        RuleAssert.Single(new ProfileDefaultPoolRule(), bundle, "spec.defaultGpuPool", "belongs to SovereignProfile \"mdes\"");
    }

    [Fact]
    public void Two_profiles_sharing_a_tenant_namespace_are_reported_on_the_second()
    {
        var bundle = SampleBundle.Create();
        var second = SampleBundle.Profile();
        second.Metadata = new V1ObjectMeta { Name = "mdes" };
        bundle.Profiles.Add(second);

        var error = RuleAssert.Single(new TenantNamespaceRule(), bundle, "spec.tenantNamespace",
            "namespace \"moph\" is already the tenant namespace of SovereignProfile \"moph\"");
        Assert.Equal("SovereignProfile/mdes", error.File);
    }
}
