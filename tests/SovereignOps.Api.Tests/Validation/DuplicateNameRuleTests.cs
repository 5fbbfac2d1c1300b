using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class DuplicateNameRuleTests
{
    [Fact]
    public void A_repeated_name_is_reported_at_the_repeat_with_the_first_location()
    {
        var bundle = SampleBundle.Create();
        var repeat = SampleBundle.SharedPool();
        repeat.Metadata.Name = "moph-h100";
        bundle.Pools.Add(repeat);
        bundle.Sources[bundle.Pools[0]] = new SourceLocation("pools.yaml", 1);
        bundle.Sources[repeat] = new SourceLocation("more/pools.yaml", 12);

        var error = RuleAssert.Single(new DuplicateNameRule(), bundle, "metadata.name",
            "duplicate GpuPool/moph-h100: already defined at pools.yaml:1");
        Assert.Equal(("more/pools.yaml", 12), (error.File, error.Line));
    }

    [Fact]
    public void The_same_name_in_different_kinds_or_namespaces_is_not_a_duplicate()
    {
        var bundle = SampleBundle.Create();
        var sameNameOtherNamespace = SampleBundle.OmniModel();
        sameNameOtherNamespace.Metadata.NamespaceProperty = "mdes";
        bundle.Models.Add(sameNameOtherNamespace);
        bundle.Namespaces.Add(new V1Namespace { Kind = "Namespace", Metadata = new V1ObjectMeta { Name = "moph" } });

        RuleAssert.Silent(new DuplicateNameRule(), bundle);
    }
}
