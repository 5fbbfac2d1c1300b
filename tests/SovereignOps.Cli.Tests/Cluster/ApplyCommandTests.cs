using k8s;
using System.Text.Json.Nodes;

namespace SovereignOps.Cli.Tests.Cluster;

public sealed class ApplyCommandTests : IAsyncLifetime
{
    private SandboxCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await SandboxCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_dry_run_reports_what_would_be_created_and_stores_nothing()
    {
        var (exitCode, output) = await cluster.RunAsync("apply", "--dry-run", RepoPaths.Combine("examples", "thailand"));

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.Contains("ModelDeployment th-national-ai/siam-omni created (server dry run)", output, StringComparison.Ordinal);
        Assert.Contains("GpuPool th-h100-bangkok created (server dry run)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Node ", output, StringComparison.Ordinal);
        var pools = await cluster.Client.CustomObjects.ListClusterCustomObjectAsync("sovereignops.io", "v1alpha1", "gpupools");
        Assert.Empty(JsonNode.Parse(KubernetesJson.Serialize(pools))!["items"]!.AsArray());
    }

    [Fact]
    public async Task Apply_creates_then_reports_unchanged_then_configured_for_the_edited_object_only()
    {
        var bundle = cluster.CopyExample("thailand");

        var first = await cluster.RunAsync("apply", bundle);
        var second = await cluster.RunAsync("apply", bundle);
        var models = Path.Combine(bundle, "40-models.yaml");
        File.WriteAllText(models, File.ReadAllText(models).Replace("  replicas: 2\n", "  replicas: 3\n", StringComparison.Ordinal).Replace("  name: siam-llm\n  namespace: th-national-ai\n", "  name: siam-llm\n  namespace: th-national-ai\n  labels:\n    team: inference\n", StringComparison.Ordinal));
        var third = await cluster.RunAsync("apply", bundle);

        Assert.Equal((CliApp.ExitOk, CliApp.ExitOk), (first.ExitCode, second.ExitCode));
        Assert.True(third.ExitCode == CliApp.ExitOk, third.Output);
        Assert.Contains("11 created", first.Output, StringComparison.Ordinal);
        Assert.Contains("11 unchanged", second.Output, StringComparison.Ordinal);
        Assert.Contains("ModelDeployment th-national-ai/siam-llm configured", third.Output, StringComparison.Ordinal);
        Assert.Contains("GpuPool th-h100-bangkok unchanged", third.Output, StringComparison.Ordinal);
        var live = await cluster.GetAsync("modeldeployments", "th-national-ai", "siam-llm");
        Assert.Equal("inference", live["metadata"]!["labels"]!["team"]!.GetValue<string>());
        Assert.Contains(live["metadata"]!["managedFields"]!.AsArray(), entry => entry!["manager"]!.GetValue<string>() == "sovereignctl");
    }

    [Fact]
    public async Task An_invalid_bundle_applies_nothing()
    {
        var (exitCode, output) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"), RepoPaths.Combine("examples", "invalid", "bad-country-code.yaml"));

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("bad-country-code.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", output, StringComparison.Ordinal);
        var namespaces = await cluster.Client.CoreV1.ListNamespaceAsync();
        Assert.DoesNotContain(namespaces.Items, n => n.Metadata.Name == "th-national-ai");
    }

    [Fact]
    public async Task Kubeconfig_and_context_are_checked_before_anything_is_sent()
    {
        var (unknownContext, contextOutput) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"), "--context", "nowhere");
        var (missingFile, fileOutput) = await ValidateCli.Run("status", "--kubeconfig", Path.Combine(cluster.Directory, "absent"));

        Assert.Equal(CliApp.ExitUsage, unknownContext);
        Assert.Contains("context \"nowhere\" is not in the kubeconfig", contextOutput, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitUsage, missingFile);
        Assert.Contains("does not exist", fileOutput, StringComparison.Ordinal);
    }
}

public sealed class ApplyWithoutCrdsTests : IAsyncLifetime
{
    private SandboxCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await SandboxCluster.StartAsync(installCrds: false);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_cluster_without_the_crds_gets_a_message_saying_how_to_install_them()
    {
        var (exitCode, output) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"));

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains("Namespace th-national-ai created", output, StringComparison.Ordinal);
        Assert.Contains("GpuPool th-h100-bangkok failed: the CRD gpupools.sovereignops.io is not installed", output, StringComparison.Ordinal);
    }
}
