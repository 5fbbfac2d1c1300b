using SovereignOps.Operator.Desired;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Operator.Tests.Desired;

public sealed class ValidatedBundleTests
{
    [Fact]
    public void A_valid_cluster_keeps_every_object()
    {
        var bundle = ClusterBundles.Examples("thailand", "korea");

        var validated = ValidatedBundle.From(bundle);

        Assert.Equal(bundle.Objects.Count(), validated.Valid.Objects.Count());
        Assert.All(bundle.Objects, o => Assert.Empty(validated.ErrorsOf(o)));
    }

    [Fact]
    public void An_invalid_model_is_set_aside_with_its_errors_and_nothing_else_is()
    {
        var bundle = ClusterBundles.Examples("thailand", "korea");
        var bad = ClusterBundles.CopyOf(bundle, "th-national-ai", "siam-llm", "siam-secret", spec => spec.DataClass = "TopSecret");
        bundle.Models.Add(bad);

        var validated = ValidatedBundle.From(bundle);

        var error = Assert.Single(validated.ErrorsOf(bad));
        Assert.Equal("spec.dataClass", error.FieldPath);
        Assert.DoesNotContain(bad, validated.Valid.Models);
        Assert.Equal(bundle.Objects.Count() - 1, validated.Valid.Objects.Count());
    }

    [Fact]
    public void A_profile_without_its_policy_takes_its_customers_objects_along_and_leaves_the_other_customer_alone()
    {
        var bundle = ClusterBundles.Examples("thailand", "korea");
        bundle.Policies.RemoveAll(p => p.Metadata.Name == "thailand-residency");

        var validated = ValidatedBundle.From(bundle);

        var thai = bundle.Profiles.Single(p => p.Metadata.Name == "th-national-ai");
        Assert.Contains(validated.ErrorsOf(thai), e => e.FieldPath == "spec.residencyPolicyRef.name");
        Assert.All(bundle.Models.Where(m => m.Metadata.NamespaceProperty == "th-national-ai"), m => Assert.NotEmpty(validated.ErrorsOf(m)));
        Assert.All(bundle.Models.Where(m => m.Metadata.NamespaceProperty == "kr-public-ai"), m => Assert.Contains(m, validated.Valid.Models));
        Assert.Contains(validated.Valid.Profiles, p => p.Metadata.Name == "kr-kpaia");
    }

    [Fact]
    public void An_invalid_catalog_entry_is_set_aside_alone_and_its_catalog_keeps_the_other_entries()
    {
        var bundle = ClusterBundles.Examples("thailand");
        var catalog = bundle.Catalogs.Single(c => c.Metadata.Name == "lanna-legal");
        var bad = ObjectCopy.DeepClone(catalog.Spec.Agents[0]);
        bad.Name = "contract-reviewer";
        bad.Model.Ref!.Name = "no-such-model";
        catalog.Spec.Agents.Add(bad);

        var validated = ValidatedBundle.From(bundle);

        Assert.Empty(validated.ErrorsOf(catalog));
        var error = Assert.Single(validated.EntryErrorsOf(catalog, "contract-reviewer"));
        Assert.Equal("spec.agents[2].model.ref.name", error.FieldPath);
        Assert.Empty(validated.EntryErrorsOf(catalog, "pdpa-compliance-advisor"));
        var kept = validated.Valid.Catalogs.Single(c => c.Metadata.Name == "lanna-legal");
        Assert.Equal(["pdpa-compliance-advisor", "court-document-drafter"], kept.Spec.Agents.Select(e => e.Name));
        Assert.Equal(3, catalog.Spec.Agents.Count);
    }
}
