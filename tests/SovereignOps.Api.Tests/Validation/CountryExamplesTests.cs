using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

/// <summary>The three country examples validate clean, alone and together, and no rule fires on any of them.</summary>
public sealed class CountryExamplesTests
{
    private static readonly string[] Countries = ["thailand", "saudi-arabia", "korea"];

    public static TheoryData<string> CountryNames => new(Countries);

    public static TheoryData<string, string> RulesByCountry
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var country in Countries)
            {
                foreach (var rule in BundleValidator.Rules)
                {
                    data.Add(country, rule.GetType().Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CountryNames))]
    public void Each_country_example_is_valid(string country)
    {
        var folder = RepoPaths.Combine("examples", country);
        Assert.True(Directory.Exists(folder), $"{folder} is missing");

        var report = BundleValidation.ValidatePaths([folder]);

        Assert.True(report.Valid, string.Join("\n", report.Errors));
        Assert.All(["DataResidencyPolicy", "SovereignProfile", "GpuPool", "ModelDeployment", "AgentCatalog", "Node"],
            kind => Assert.True(report.Objects.GetValueOrDefault(kind) > 0, $"{country} has no {kind}"));
    }

    [Fact]
    public void The_three_examples_are_valid_together()
    {
        var report = BundleValidation.ValidatePaths(Countries.Select(c => RepoPaths.Combine("examples", c)));

        Assert.True(report.Valid, string.Join("\n", report.Errors));
        Assert.Equal(3, report.Objects["SovereignProfile"]);
    }

    [Theory]
    [MemberData(nameof(RulesByCountry))]
    public void Every_rule_is_silent_on_every_example(string country, string ruleName)
    {
        var loaded = BundleLoader.Load([RepoPaths.Combine("examples", country)]);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        var rule = BundleValidator.Rules.Single(r => r.GetType().Name == ruleName);

        Assert.Empty(rule.Check(new BundleIndex(loaded.Bundle!)));
    }
}
