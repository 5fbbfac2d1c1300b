using SovereignOps.Api.Validation;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class PolicyRuleTests
{
    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("ZZ")]
    public void Unknown_country_codes_are_reported_on_policy_and_profile(string code)
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Country = code;
        bundle.Profiles[0].Spec.Country = code;

        var errors = RuleAssert.Run(new CountryCodeRule(), bundle);

        Assert.Equal(["DataResidencyPolicy/th-pdpa", "SovereignProfile/moph"], errors.Select(e => e.File));
        Assert.All(errors, e => Assert.Equal("spec.country", e.FieldPath));
        Assert.All(errors, e => Assert.Contains($"\"{code}\" is not an ISO 3166-1 alpha-2 country code", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TH")]
    [InlineData("SA")]
    [InlineData("KR")]
    [InlineData("AE")]
    [InlineData("EU")]
    public void Assigned_codes_and_the_eu_are_accepted(string code)
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Country = code;
        bundle.Profiles[0].Spec.Country = code;

        RuleAssert.Silent(new CountryCodeRule(), bundle);
    }

    [Fact]
    public void The_country_list_holds_every_assigned_code_and_the_eu()
    {
        Assert.Equal(250, CountryCodes.All.Count);
        Assert.Equal("uk", CountryCodes.TopLevelDomain("GB"));
        Assert.Equal("th", CountryCodes.TopLevelDomain("TH"));
    }

    [Fact]
    public void A_policy_without_regions_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Regions.Allowed.Clear();

        RuleAssert.Single(new PolicyRegionsRule(), bundle, "spec.regions.allowed", "allows no region");
    }

    [Fact]
    public void A_blank_region_is_reported_at_its_index()
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Regions.Allowed.Add(" ");

        RuleAssert.Single(new PolicyRegionsRule(), bundle, "spec.regions.allowed[2]", "must not be blank");
    }
}
