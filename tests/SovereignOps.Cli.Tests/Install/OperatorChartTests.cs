using k8s;
using k8s.Models;

namespace SovereignOps.Cli.Tests.Install;

/// <summary>The operator chart as helm lints and renders it: strict lint, least privilege, restricted pods, in-country images.</summary>
public sealed class OperatorChartTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("operator-chart-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static string Chart => RepoPaths.Combine("charts", "sovereign-operator");

    public static TheoryData<string> CiValues() =>
        [.. Directory.GetFiles(Path.Combine(Chart, "ci"), "*.yaml").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CiValues))]
    public async Task Every_ci_example_lints_strictly_and_renders_least_privilege_restricted_pods(string valuesFile)
    {
        var tools = new Tools(work);
        var values = Path.Combine(Chart, "ci", valuesFile);
        var lint = (await tools.HelmAsync("lint", "--strict", Chart, "-f", values)).Succeeded();
        Assert.Contains("0 chart(s) failed", lint, StringComparison.Ordinal);

        var objects = await RenderAsync(tools, "-f", values);

        var clusterRole = Assert.Single(objects.OfType<V1ClusterRole>());
        Assert.All(clusterRole.Rules, rule =>
        {
            Assert.DoesNotContain("*", rule.ApiGroups);
            Assert.DoesNotContain("*", rule.Resources);
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("escalate", rule.Verbs);
            Assert.DoesNotContain("bind", rule.Verbs);
        });

        var deployment = Assert.Single(objects.OfType<V1Deployment>());
        var pod = deployment.Spec.Template.Spec;
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.NotNull(pod.Affinity.PodAntiAffinity);
        var container = Assert.Single(pod.Containers);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.NotNull(container.ReadinessProbe);
    }

    [Fact]
    public async Task Defaults_give_two_leader_electing_replicas_a_disruption_budget_a_lease_role_and_a_metrics_service()
    {
        var objects = await RenderAsync(new Tools(work));

        var deployment = Assert.Single(objects.OfType<V1Deployment>());
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Contains("--leader-elect", deployment.Spec.Template.Spec.Containers[0].Args);
        Assert.Equal("registry.sovereign.internal/sovereignops/sovereign-operator:0.1.0", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("1", Assert.Single(objects.OfType<V1PodDisruptionBudget>()).Spec.MaxUnavailable.Value);
        var role = Assert.Single(objects.OfType<V1Role>());
        Assert.All(role.Rules, rule => Assert.Equal(["coordination.k8s.io"], rule.ApiGroups));
        Assert.Contains(objects.OfType<V1Service>(), s => s.Spec.Ports.Single().Name == "metrics");
        var crdPatch = Assert.Single(Assert.Single(objects.OfType<V1ClusterRole>()).Rules,
            rule => rule.ApiGroups.Contains("apiextensions.k8s.io") && rule.Verbs.Contains("patch"));
        Assert.Equal(5, crdPatch.ResourceNames.Count);
    }

    [Fact]
    public async Task A_digest_pins_the_image_in_the_configured_registry_and_unmanaged_crds_drop_crd_writes()
    {
        var objects = await RenderAsync(new Tools(work), "-f", Path.Combine(Chart, "ci", "airgapped-digest.yaml"));

        var container = Assert.Single(objects.OfType<V1Deployment>()).Spec.Template.Spec.Containers[0];
        Assert.StartsWith("harbor.gov.th:8443/sovereign/sovereignops/sovereign-operator:0.1.0@sha256:", container.Image, StringComparison.Ordinal);
        Assert.Contains("verify", container.Args);
        var crdRules = Assert.Single(objects.OfType<V1ClusterRole>()).Rules.Where(rule => rule.ApiGroups.Contains("apiextensions.k8s.io"));
        Assert.Equal(["get", "list", "watch"], Assert.Single(crdRules).Verbs);
    }

    [Fact]
    public async Task The_schema_refuses_unknown_keys_and_a_wildcard_free_registry_is_required()
    {
        var tools = new Tools(work);

        var unknown = await tools.HelmAsync("template", "so", Chart, "--set", "replicas=3");
        var badDigest = await tools.HelmAsync("template", "so", Chart, "--set", "image.digest=latest");
        var noRegistry = await tools.HelmAsync("template", "so", Chart, "--set", "image.registry=");

        Assert.False(unknown.IsSuccess);
        Assert.Contains("replicas", unknown.StandardError, StringComparison.Ordinal);
        Assert.False(badDigest.IsSuccess);
        Assert.False(noRegistry.IsSuccess);
    }

    [Fact]
    public async Task The_service_monitor_is_rendered_only_when_enabled()
    {
        var tools = new Tools(work);

        var plain = (await tools.HelmAsync("template", "so", Chart)).Succeeded();
        var monitored = (await tools.HelmAsync("template", "so", Chart, "-f", Path.Combine(Chart, "ci", "monitoring.yaml"))).Succeeded();

        Assert.DoesNotContain("kind: ServiceMonitor", plain, StringComparison.Ordinal);
        Assert.Contains("kind: ServiceMonitor", monitored, StringComparison.Ordinal);
        Assert.Contains("release: kube-prometheus-stack", monitored, StringComparison.Ordinal);
    }

    /// <summary>The rendered objects, strictly typed; the ServiceMonitor has no model here and is checked as text.</summary>
    private static async Task<IReadOnlyList<object>> RenderAsync(Tools tools, params string[] args)
    {
        var yaml = (await tools.HelmAsync(["template", "so", Chart, "-n", "sovereign-system", .. args])).Succeeded();
        var documents = yaml.Split("\n---", StringSplitOptions.RemoveEmptyEntries)
            .Where(document => !document.Contains("kind: ServiceMonitor", StringComparison.Ordinal));
        return KubernetesYaml.LoadAllFromString(string.Join("\n---", documents), strict: true);
    }
}
