using SovereignOps.Api.Bundles;
using SovereignOps.Api.Presets;
using SovereignOps.Api.Profiles;
using SovereignOps.Api.Validation;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Tests.Profiles;

/// <summary>The hand-written example countries load, validate and describe the nodes their pools need.</summary>
public sealed class ExampleCountryTests
{
    public static TheoryData<string, string> Countries => new()
    {
        { "thailand", "TH" },
        { "saudi-arabia", "SA" },
        { "korea", "KR" },
    };

    private static Bundle Load(string folder)
    {
        var result = BundleLoader.Load([RepoPaths.Combine("examples", folder)]);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        return result.Bundle!;
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Files_apply_in_lexical_order_namespace_first_nodes_last(string folder, string country)
    {
        _ = country;
        var files = Directory.GetFiles(RepoPaths.Combine("examples", folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(BundleLayout.Files, files);
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void The_example_validates_clean_and_its_nodes_match_its_pools(string folder, string country)
    {
        var bundle = Load(folder);

        Assert.Empty(BundleValidator.Validate(bundle).Select(e => e.ToString()));
        Assert.Empty(PoolNodeChecks.Problems(bundle));
        Assert.Equal(country, Assert.Single(bundle.Profiles).Spec.Country);
        Assert.Equal("required", Assert.Single(bundle.Policies).Metadata.Annotations["sovereignops.io/legal-review"]);
        Assert.Equal("restricted", Assert.Single(bundle.Namespaces).Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Each_country_serves_an_omni_modal_model_and_a_speech_or_vision_model(string folder, string country)
    {
        _ = country;
        var models = Load(folder).Models;

        Assert.Contains(models, m => m.Spec.Modalities.Order().SequenceEqual(["image", "speech", "text", "video"]));
        Assert.Contains(models, m => m.Spec.Modalities.Count < 4 && (m.Spec.Modalities.Contains("speech") || m.Spec.Modalities.Contains("image")));
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Agents_cover_medicine_law_and_education_from_several_vendors_with_exactly_one_pending(string folder, string country)
    {
        _ = country;
        var agents = Load(folder).Catalogs.SelectMany(c => c.Spec.Agents).ToList();

        Assert.Superset(new HashSet<string> { "Medicine", "Law", "Education" }, agents.Select(a => a.Domain).ToHashSet());
        Assert.True(agents.Select(a => a.Vendor).Distinct().Count() >= 3);
        Assert.Single(agents, a => a.Approval.State == "Pending");
        Assert.All(agents.Where(a => a.Approval.State != "Approved"), a => Assert.Null(a.Approval.ApprovedBy));
    }

    [Fact]
    public void The_three_countries_differ_in_customers_regions_and_hardware()
    {
        var bundles = Countries.Select(row => Load((string)row[0])).ToList();
        var pools = bundles.SelectMany(b => b.Pools).ToList();

        Assert.Equal(3, bundles.Select(b => b.Profiles[0].Spec.Customer).Distinct().Count());
        Assert.Equal(3, bundles.Select(b => b.Profiles[0].Spec.Registry.Mirror).Distinct().Count());
        Assert.Superset(new HashSet<string> { "H100-80GB", "H200-141GB", "L40S-48GB" }, pools.Select(p => p.Spec.Gpu.Model).ToHashSet());
        Assert.Single(pools, p => p.Spec.Partitioning.Mode == "MIG");
        Assert.Contains(pools, p => !p.Spec.Dedicated);
        Assert.Contains(pools, p => p.Spec.Dedicated && p.Spec.Tolerations.Count > 0);
    }

    [Fact]
    public void The_examples_agree_with_their_presets_on_the_figures_that_matter()
    {
        foreach (var row in Countries)
        {
            var policy = Load((string)row[0]).Policies[0].Spec;
            var preset = CountryPresets.Find((string)row[1])!.CreatePolicySpec();

            Assert.Equal(preset.BreachNotification!.Hours, policy.BreachNotification!.Hours);
            Assert.Equal(preset.BreachNotification.MaxExtendedHours, policy.BreachNotification.MaxExtendedHours);
            Assert.Equal(preset.DataClasses.Select(Shape), policy.DataClasses.Select(Shape));
            Assert.Subset(preset.Regions.Allowed.ToHashSet(), policy.Regions.Allowed.ToHashSet());
        }
    }

    private static (string, bool, bool, bool) Shape(DataClass c) => (c.Name, c.InCountryOnly, c.DedicatedNodes, c.GpuSharingAllowed);
}
