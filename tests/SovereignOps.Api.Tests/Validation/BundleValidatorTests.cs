using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

public sealed class BundleValidatorTests
{
    public static TheoryData<string> RuleNames => new(BundleValidator.Rules.Select(r => r.GetType().Name));

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Every_rule_is_silent_on_the_sample_bundle(string ruleName)
    {
        var rule = BundleValidator.Rules.Single(r => r.GetType().Name == ruleName);

        RuleAssert.Silent(rule, SampleBundle.Create());
    }

    [Fact]
    public void One_dangling_reference_yields_one_error()
    {
        var bundle = SampleBundle.Create();
        bundle.Profiles[0].Spec.ResidencyPolicyRef.Name = "missing";

        var error = Assert.Single(BundleValidator.Validate(bundle));

        Assert.Equal("spec.residencyPolicyRef.name", error.FieldPath);
    }

    [Fact]
    public void Errors_of_several_rules_come_back_in_source_order()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.Region = "sg-singapore";
        bundle.Policies[0].Spec.Country = "XX";
        bundle.Profiles[0].Spec.Country = "XX";

        var errors = BundleValidator.Validate(bundle);

        Assert.Equal(
            ["DataResidencyPolicy/th-pdpa: spec.country", "GpuPool/moph-a100-mig: spec.region", "SovereignProfile/moph: spec.country"],
            errors.Select(e => $"{e.File}: {e.FieldPath}"));
    }
}
