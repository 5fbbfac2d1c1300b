using SovereignOps.Api.Profiles;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Profiles;

/// <summary>What <c>profile init</c> writes must pass validation unchanged, for every preset.</summary>
public sealed class GeneratedBundleTests
{
    public static TheoryData<string, string, string[], string[]> Requests => new()
    {
        { "TH", "Ministry of Digital Economy and Society", [], [] },
        { "SA", "National Data Authority", ["H200-141GB:16:sa-riyadh", "H100-80GB:8:sa-jeddah:3g.40gb"], ["allam:70:fp8", "arabic-asr:2:bf16:speech+text"] },
        { "KR", "National IT Industry Promotion Agency", ["H100-80GB:16:kr-seoul", "L40S-48GB:8:kr-gwangju"], ["exaone:32:bf16", "omni:30:bf16:text+image+speech+video"] },
        { "EU", "Directorate-General for Digital Services", ["A100-80GB:8:eu-paris"], [] },
        { "AE", "Emirates Health Data Office", ["MI300X-192GB:8:ae-abudhabi"], ["falcon:180:fp8"] },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_written_bundle_loads_and_validates_clean(string country, string customer, string[] gpus, string[] models)
    {
        var generation = ProfileGenerator.Generate(new ProfileRequest
        {
            Country = country,
            Customer = customer,
            Gpus = gpus.Select(g => GpuRequest.Parse(g).Value!).ToList(),
            Models = models.Select(m => ModelRequest.Parse(m).Value!).ToList(),
        });
        Assert.True(generation.Succeeded, string.Join("; ", generation.Errors));
        Assert.Empty(generation.Warnings);

        var bundle = GeneratedFiles.Load(generation.Files);

        Assert.Equal(generation.Bundle!.Models.Count, bundle.Models.Count);
        Assert.Equal(generation.Bundle.Nodes.Count, bundle.Nodes.Count);
        Assert.Empty(BundleValidator.Validate(bundle).Select(e => e.ToString()));
        Assert.Empty(PoolNodeChecks.Problems(bundle));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_policy_file_carries_the_legal_review_mark(string country, string customer, string[] gpus, string[] models)
    {
        _ = (gpus, models);
        var generation = ProfileGenerator.Generate(new ProfileRequest { Country = country, Customer = customer });
        var policyFile = generation.Files.Single(f => f.RelativePath == BundleLayout.Policy);

        Assert.Contains("sovereignops.io/legal-review: required", policyFile.Content, StringComparison.Ordinal);
        Assert.Contains("# LEGAL REVIEW REQUIRED:", policyFile.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("null", policyFile.Content, StringComparison.Ordinal);
    }
}
