using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Tests.Cluster;

public sealed class UpgradeCheckCommandTests : IAsyncLifetime
{
    private SandboxCluster cluster = null!;

    private sealed record Check(string Name, string Subject, string Status, string Reason);

    public async Task InitializeAsync()
    {
        cluster = await SandboxCluster.StartAsync();
        var (exitCode, output) = await cluster.RunAsync("apply", RepoPaths.Combine("examples", "thailand"));
        Assert.True(exitCode == CliApp.ExitOk, output);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_full_h100_pool_fails_or_warns_the_rollout_headroom_of_its_models_and_passes_once_a_node_is_added()
    {
        await ScaleAsync("siam-omni", 1);
        await ScaleAsync("siam-llm", 12);

        var (fullExit, full) = await CheckAsync();
        await AddNodeAsync("bkk-h100-03");
        var (addedExit, added) = await CheckAsync();

        Assert.Equal(CliApp.ExitInvalid, fullExit);
        var omni = Headroom(full, "siam-omni");
        Assert.Equal("FAIL", omni.Status);
        Assert.Contains("no room for a surge replica (4×nvidia.com/gpu)", omni.Reason, StringComparison.Ordinal);
        Assert.Contains("maxUnavailable 1", omni.Reason, StringComparison.Ordinal);
        Assert.Contains("model unavailable", omni.Reason, StringComparison.Ordinal);
        var llm = Headroom(full, "siam-llm");
        Assert.Equal("WARN", llm.Status);
        Assert.Contains("dips from 12 to 11 replicas", llm.Reason, StringComparison.Ordinal);
        Assert.Equal("PASS", Headroom(full, "thai-asr").Status);

        Assert.Equal(CliApp.ExitOk, addedExit);
        Assert.Equal("PASS", Headroom(added, "siam-omni").Status);
        Assert.Equal("PASS", Headroom(added, "siam-llm").Status);
    }

    [Fact]
    public async Task Missing_mirror_images_and_a_budget_that_blocks_drains_fail_and_a_running_operator_is_compared_with_the_target()
    {
        var index = Path.Combine(cluster.Directory, "mirror.txt");
        await File.WriteAllLinesAsync(index, ["# harbor.gov.th catalogue", "registry.sovereign.internal/sovereignops/sovereign-operator:0.1.0", "registry.ai.go.th/sovereign/vllm/vllm-openai:v0.11.0"]);
        await cluster.Client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "frozen" },
            Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = (IntOrString)0, Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "frozen" } } },
        }, "th-national-ai");
        await CreateOperatorDeploymentAsync("0.0.9");

        var (exitCode, checks) = await CheckAsync("--mirror-index", index);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Equal("PASS", checks.Single(c => c.Name == "kubernetes-version").Status);
        Assert.DoesNotContain(checks, c => c.Subject == "registry.ai.go.th/sovereign/vllm/vllm-openai:v0.11.0");
        Assert.Contains(checks, c => c is { Name: "mirror-images", Status: "FAIL", Subject: "registry.ai.go.th/sovereign/nvidia/tritonserver:25.01-py3" });
        Assert.Contains(checks, c => c is { Name: "disruption-budgets", Status: "FAIL", Subject: "PodDisruptionBudget th-national-ai/frozen" });
        var skew = checks.Single(c => c.Name == "operator-version");
        Assert.Equal("PASS", skew.Status);
        Assert.Contains("upgrade 0.0.9 → 0.1.0", skew.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objects_stored_in_a_version_or_with_fields_the_target_does_not_know_fail()
    {
        using (var api = new KubeApi(ApiTransport.FromConfig(cluster.Server.ClientConfiguration)))
        {
            var report = await CrdInstaller.InstallAsync(api, new CrdInstallOptions
            {
                OperatorVersion = new ReleaseVersion(0, 2, 0, string.Empty),
                Crds = [.. CrdGenerator.GenerateAll().Select(c => c.Spec.Names.Kind == "GpuPool" ? PoolStoredAsV1Alpha2WithBurst() : c)],
            }, CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        }

        await CreateBurstablePoolAsync();

        var (exitCode, checks) = await CheckAsync();

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        var crd = checks.Single(c => c.Name == "crd-stored-versions" && c.Subject == "gpupools.sovereignops.io");
        Assert.Equal("FAIL", crd.Status);
        Assert.Contains("stored as v1alpha2", crd.Reason, StringComparison.Ordinal);
        var field = checks.Single(c => c.Name == "deprecated-fields" && c.Subject == "GpuPool th-burst");
        Assert.Equal("FAIL", field.Status);
        Assert.Contains("spec.burstable is unknown to the target operator's schema", field.Reason, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, IReadOnlyList<Check> Checks)> CheckAsync(params string[] extra)
    {
        var (exitCode, output) = await cluster.RunAsync(["upgrade", "check", "-o", "json", "--helm", RepoPaths.Helm, "--charts", RepoPaths.Combine("charts"), .. extra]);
        var document = JsonNode.Parse(output) ?? throw new Xunit.Sdk.XunitException(output);
        var checks = document["checks"]!.AsArray()
            .Select(c => new Check(c!["check"]!.GetValue<string>(), c["subject"]!.GetValue<string>(), c["status"]!.GetValue<string>(), c["reason"]!.GetValue<string>()))
            .ToList();
        return (exitCode, checks);
    }

    private static Check Headroom(IReadOnlyList<Check> checks, string model) =>
        checks.Single(c => c.Name == "rollout-headroom" && c.Subject == $"ModelDeployment th-national-ai/{model}");

    private Task ScaleAsync(string model, int replicas) =>
        cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new { spec = new { replicas } }, V1Patch.PatchType.MergePatch), "sovereignops.io", "v1alpha1", "th-national-ai", "modeldeployments", model);

    /// <summary>One more 8-GPU node for th-h100-bangkok: a copy of an existing one under a new name.</summary>
    private async Task AddNodeAsync(string name)
    {
        var template = await cluster.Client.CoreV1.ReadNodeAsync("bkk-h100-01");
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string>(template.Metadata.Labels) { ["kubernetes.io/hostname"] = name } },
            Spec = template.Spec,
        };
        await cluster.Client.CoreV1.CreateNodeAsync(node);
        await cluster.Client.CoreV1.PatchNodeStatusAsync(new V1Patch(new { status = template.Status }, V1Patch.PatchType.MergePatch), name);
    }

    private async Task CreateOperatorDeploymentAsync(string version)
    {
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "sovereign-system" } });
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "sovereign-operator", ["app.kubernetes.io/instance"] = "so" };
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "so-sovereign-operator", Labels = new Dictionary<string, string>(labels) { ["app.kubernetes.io/version"] = version } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 0,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "operator", Image = $"registry.sovereign.internal/sovereignops/sovereign-operator:{version}" }] },
                },
            },
        }, "sovereign-system");
    }

    /// <summary>A later release's GpuPool CRD: v1alpha2, the storage version, adds spec.burstable.</summary>
    private static V1CustomResourceDefinition PoolStoredAsV1Alpha2WithBurst()
    {
        var crd = CrdGenerator.Generate(typeof(GpuPool));
        var next = KubernetesJson.Deserialize<V1CustomResourceDefinitionVersion>(KubernetesJson.Serialize(crd.Spec.Versions[0]));
        next.Name = "v1alpha2";
        next.Schema.OpenAPIV3Schema.Properties["spec"].Properties["burstable"] = new V1JSONSchemaProps { Type = "boolean", Description = "Lend idle GPUs to other pools." };
        crd.Spec.Versions[0].Storage = false;
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["burstable"] = new V1JSONSchemaProps { Type = "boolean", Description = "Lend idle GPUs to other pools." };
        crd.Spec.Versions.Add(next);
        return crd;
    }

    private async Task CreateBurstablePoolAsync()
    {
        var pool = JsonNode.Parse(KubernetesJson.Serialize(await cluster.GetAsync("gpupools", null, "th-h100-bangkok")))!.AsObject();
        var body = new JsonObject
        {
            ["apiVersion"] = "sovereignops.io/v1alpha2",
            ["kind"] = "GpuPool",
            ["metadata"] = new JsonObject { ["name"] = "th-burst" },
            ["spec"] = pool["spec"]!.DeepClone(),
        };
        body["spec"]!["burstable"] = true;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                await cluster.Client.CustomObjects.CreateClusterCustomObjectAsync(body, "sovereignops.io", "v1alpha2", "gpupools");
                return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                // The new version is served once discovery has been republished.
                await Task.Delay(100);
            }
        }
    }
}
