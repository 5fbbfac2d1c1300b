using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Kubectl;

/// <summary>kubectl's view of the server: version, api-resources, api-versions, explain, and the project's own CRDs.</summary>
public sealed class KubectlDiscoveryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Version_reports_a_1_34_server_without_skew_warnings()
    {
        var result = await sandbox.KubectlAsync("version");

        var output = result.Succeeded();
        Assert.Contains("Server Version: v1.34", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_resources_lists_the_built_in_kinds_with_short_names()
    {
        var output = (await sandbox.KubectlAsync("api-resources", "--no-headers")).Succeeded();
        var rows = KubectlAssertions.Rows(output);

        string[] expected =
        [
            "namespaces", "nodes", "pods", "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "events",
            "persistentvolumeclaims", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "networkpolicies",
            "resourcequotas", "limitranges", "poddisruptionbudgets", "horizontalpodautoscalers", "roles", "rolebindings",
            "clusterroles", "clusterrolebindings", "leases", "priorityclasses", "storageclasses", "customresourcedefinitions",
        ];
        Assert.All(expected, name => Assert.Contains(rows, r => r[0] == name));
        Assert.Contains(rows, r => r[0] == "deployments" && r[1] == "deploy" && r[2] == "apps/v1" && r[3] == "true" && r[4] == "Deployment");
        Assert.Contains(rows, r => r[0] == "horizontalpodautoscalers" && r[2] == "autoscaling/v2");
    }

    [Fact]
    public async Task Api_versions_includes_a_crd_group_once_it_is_established()
    {
        (await sandbox.KubectlAsync("apply", "-f", WidgetCrd.YamlPath)).Succeeded();
        await WidgetCrd.EnsureAsync(sandbox.Client);

        var output = (await sandbox.KubectlAsync("api-versions")).Succeeded();

        Assert.Contains("test.sovereignops.io/v1", output.Split('\n'));
        Assert.Contains("apps/v1", output.Split('\n'));
    }

    [Fact]
    public async Task Explain_shows_the_crd_field_descriptions()
    {
        (await sandbox.KubectlAsync("apply", "-f", WidgetCrd.YamlPath)).Succeeded();
        await WidgetCrd.EnsureAsync(sandbox.Client);

        var output = (await sandbox.KubectlAsync("explain", "widgets.spec")).Succeeded();

        Assert.Contains("What the widget should be.", output, StringComparison.Ordinal);
        Assert.Contains("size\t<integer> -required-", output, StringComparison.Ordinal);
        Assert.Contains("How big the widget is.", output, StringComparison.Ordinal);
        Assert.Contains("enum: red, blue", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_projects_crds_apply_and_group_under_the_sovereign_category()
    {
        var crds = Directory.GetFiles(RepoPaths.Combine("crds"), "*.yaml");
        Assert.NotEmpty(crds);

        (await sandbox.KubectlAsync(["apply", "--server-side", .. crds.SelectMany(f => new[] { "-f", f })])).Succeeded();
        var output = (await sandbox.KubectlAsync("api-resources", "--categories=sovereign", "--no-headers")).Succeeded();

        var kinds = KubectlAssertions.Rows(output).Select(r => r[^1]).Order().ToList();
        Assert.Equal(["AgentCatalog", "DataResidencyPolicy", "GpuPool", "ModelDeployment", "SovereignProfile"], kinds);
    }
}
