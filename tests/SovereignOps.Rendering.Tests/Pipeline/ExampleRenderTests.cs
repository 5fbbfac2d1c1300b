using k8s.Models;
using SovereignOps.Planning.Guard;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>The three example countries rendered end to end, and what a customer's auditor would check in the result.</summary>
public sealed class ExampleRenderTests
{
    public static TheoryData<string> Countries => [.. ExampleBundles.Countries];

    [Theory]
    [MemberData(nameof(Countries))]
    public async Task Every_pod_template_requires_the_policys_regions(string country)
    {
        var result = await ExampleBundles.RenderAsync(country);
        var bundle = ExampleBundles.Load(country);
        var policy = bundle.Policies.Single();

        var manifest = result.Manifests.Single().Objects;
        var pods = manifest.SelectMany(o => PodTemplate.In(o.Object).Select(p => (o.DisplayName, Pod: p))).ToList();
        Assert.NotEmpty(pods);
        foreach (var (name, pod) in pods)
        {
            var terms = pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
            Assert.True(terms is { Count: > 0 }, $"{name} has no required node affinity");
            Assert.All(terms, term => Assert.Contains(term.MatchExpressions, e =>
                e.Key == policy.Spec.Regions.NodeLabelKey && e.OperatorProperty == "In" && e.Values.All(policy.Spec.Regions.Allowed.Contains)));
        }
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public async Task Every_image_comes_from_the_profiles_mirror(string country)
    {
        var result = await ExampleBundles.RenderAsync(country);
        var mirror = ExampleBundles.Load(country).Profiles.Single().Spec.Registry.Mirror;

        var images = result.Manifests.Single().Objects
            .SelectMany(o => PodTemplate.In(o.Object))
            .SelectMany(p => (p.Spec.InitContainers ?? []).Concat(p.Spec.Containers).Select(c => c.Image)
                .Concat((p.Spec.Volumes ?? []).Where(v => v.Image is not null).Select(v => v.Image.Reference)))
            .ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.StartsWith(mirror + "/", image, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public async Task Every_tenant_namespace_denies_ingress_and_egress_by_default(string country)
    {
        var result = await ExampleBundles.RenderAsync(country);
        var tenant = ExampleBundles.Load(country).Profiles.Single().Spec.TenantNamespace;

        var policies = result.Manifests.Single().Objects.OfKind<V1NetworkPolicy>().Where(p => p.Metadata.NamespaceProperty == tenant).ToList();

        Assert.Contains(policies, p => SelectsEveryPod(p) && p.Spec.PolicyTypes.Contains("Ingress") && (p.Spec.Ingress?.Count ?? 0) == 0);
        Assert.Contains(policies, p => SelectsEveryPod(p) && p.Spec.PolicyTypes.Contains("Egress") && (p.Spec.Egress?.Count ?? 0) == 0);
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public async Task Every_pod_meets_the_restricted_pod_security_standard(string country)
    {
        var result = await ExampleBundles.RenderAsync(country);

        foreach (var rendered in result.Manifests.Single().Objects)
        {
            foreach (var pod in PodTemplate.In(rendered.Object))
            {
                Assert.NotEqual(true, pod.Spec.HostNetwork);
                Assert.True(pod.Spec.SecurityContext?.RunAsNonRoot, $"{rendered.DisplayName} runAsNonRoot");
                Assert.Equal("RuntimeDefault", pod.Spec.SecurityContext?.SeccompProfile?.Type);
                Assert.All(pod.Spec.Volumes ?? [], v => Assert.Null(v.HostPath));
                Assert.All((pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers), c =>
                {
                    Assert.False(c.SecurityContext.AllowPrivilegeEscalation);
                    Assert.NotEqual(true, c.SecurityContext.Privileged);
                    Assert.Contains("ALL", c.SecurityContext.Capabilities.Drop);
                });
            }
        }
    }

    [Fact]
    public async Task Rendering_the_three_countries_at_once_gives_one_manifest_per_profile()
    {
        var result = await ExampleBundles.RenderAsync(ExampleBundles.Countries);

        Assert.Equal(["kr-kpaia", "sa-nsaic", "th-national-ai"], result.Manifests.Select(m => m.Profile).Order(StringComparer.Ordinal));
        Assert.All(result.Manifests, m => Assert.Contains(m.Objects, o => o.Kind == "Namespace"));
    }

    private static bool SelectsEveryPod(V1NetworkPolicy policy) =>
        policy.Spec.PodSelector.MatchLabels is null or { Count: 0 } && policy.Spec.PodSelector.MatchExpressions is null or { Count: 0 };
}
