using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Tests.Crds;

public sealed class CrdCompatibilityTests
{
    private static readonly ReleaseVersion V010 = ReleaseVersion.TryParse("0.1.0")!;

    [Theory]
    [InlineData("0.1.0", "0.2.0")]
    [InlineData("0.2.0-rc.1", "0.2.0")]
    [InlineData("0.9.0", "0.10.0")]
    [InlineData("v1.0.0", "1.0.1+build.7")]
    public void Release_versions_order_numerically_with_pre_releases_first(string lower, string higher) =>
        Assert.True(ReleaseVersion.TryParse(lower)! < ReleaseVersion.TryParse(higher)!);

    [Fact]
    public void Text_that_is_not_a_version_is_refused() => Assert.Null(ReleaseVersion.TryParse("latest"));

    [Fact]
    public void Missing_crds_are_installed_and_same_version_ones_upgraded()
    {
        var desired = CrdGenerator.Generate(typeof(GpuPool));

        Assert.Equal(CrdVerdict.Install, CrdCompatibility.Check(desired, null, V010).Verdict);
        Assert.Equal(CrdVerdict.Upgrade, CrdCompatibility.Check(desired, Live(desired, ["v1alpha1"], "0.1.0"), V010).Verdict);
        Assert.Equal(CrdVerdict.Upgrade, CrdCompatibility.Check(desired, Live(desired, ["v1alpha1"], "0.0.9"), V010).Verdict);
    }

    [Fact]
    public void A_newer_readable_crd_is_kept_and_an_unreadable_one_is_refused_with_the_version_named()
    {
        var desired = CrdGenerator.Generate(typeof(GpuPool));

        var newer = CrdCompatibility.Check(desired, Live(desired, ["v1alpha1"], "0.3.0"), V010);
        var unreadable = CrdCompatibility.Check(desired, Live(desired, ["v1alpha1", "v1beta1"], "0.3.0"), V010);

        Assert.Equal(CrdVerdict.KeepNewer, newer.Verdict);
        Assert.Equal(CrdVerdict.Unreadable, unreadable.Verdict);
        Assert.Contains("stored as v1beta1, which operator 0.1.0 cannot read", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_crd_that_stopped_serving_our_version_is_unreadable()
    {
        var desired = CrdGenerator.Generate(typeof(GpuPool));
        var live = Live(desired, [], "0.5.0");
        live.Spec.Versions[0].Served = false;

        var verdict = CrdCompatibility.Check(desired, live, V010);

        Assert.Equal(CrdVerdict.Unreadable, verdict.Verdict);
        Assert.Contains("no longer serves v1alpha1", verdict.Message, StringComparison.Ordinal);
    }

    private static V1CustomResourceDefinition Live(V1CustomResourceDefinition desired, List<string> stored, string writtenBy)
    {
        var live = k8s.KubernetesJson.Deserialize<V1CustomResourceDefinition>(k8s.KubernetesJson.Serialize(desired));
        live.Metadata.Annotations = new Dictionary<string, string> { [CrdCompatibility.OperatorVersionAnnotation] = writtenBy };
        live.Status = new V1CustomResourceDefinitionStatus { StoredVersions = stored };
        return live;
    }
}
