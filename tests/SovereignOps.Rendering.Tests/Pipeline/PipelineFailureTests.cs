using SovereignOps.Planning.Guard;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>Each stage stops the run with its reasons and no manifest, so nothing can be applied half-done.</summary>
public sealed class PipelineFailureTests
{
    private const string AgentDeployment = "sovereign-agent/templates/deployment.yaml";

    [Fact]
    public async Task Models_that_exceed_their_pool_stop_the_run_at_the_plan_naming_pool_and_shortfall()
    {
        var bundle = ExampleBundles.Load("thailand");
        bundle.Models.Single(m => m.Metadata.Name == "siam-llm").Spec.Replicas = 9;

        var result = await ExampleBundles.Pipeline().RunAsync(bundle);

        Assert.Equal(PipelineStage.Plan, result.FailedStage);
        Assert.Empty(result.Manifests);
        Assert.Contains(
            "ModelDeployment th-national-ai/siam-llm: needs 1 × 80 GiB per replica × 9 replicas = 9 GPUs; pool th-h100-bangkok has 16, 8 allocated, 8 free",
            result.Reasons());
        Assert.Contains("agent th-national-ai/lanna-legal/pdpa-compliance-advisor: model th-national-ai/siam-llm does not fit its pool", result.Reasons());
    }

    [Fact]
    public async Task A_bundle_that_breaks_a_semantic_rule_stops_the_run_at_validation()
    {
        var bundle = ExampleBundles.Load("thailand");
        bundle.Pools.Single(p => p.Metadata.Name == "th-h100-bangkok").Spec.Region = "sg-central";

        var result = await ExampleBundles.Pipeline().RunAsync(bundle);

        Assert.Equal(PipelineStage.Validation, result.FailedStage);
        Assert.Null(result.Plan);
        Assert.Empty(result.Manifests);
        Assert.NotEmpty(result.ValidationErrors);
    }

    [Fact]
    public async Task A_chart_that_breaks_restricted_pod_security_stops_the_run_at_the_guard()
    {
        using var charts = ChartsCopy.Create();
        charts.Replace(AgentDeployment, "      automountServiceAccountToken: false\n", "      automountServiceAccountToken: false\n      hostNetwork: true\n");

        var result = await charts.Pipeline().RunAsync(ExampleBundles.Load("korea"));

        Assert.Equal(PipelineStage.Guard, result.FailedStage);
        Assert.Empty(result.Manifests);
        Assert.NotEmpty(result.Violations);
        Assert.All(result.Violations, v => Assert.Equal((GuardRules.HostNamespaces, "spec.template.spec.hostNetwork", "Deployment"), (v.Rule, v.FieldPath, v.Object.Kind)));
    }

    [Fact]
    public async Task An_image_a_chart_hard_codes_is_moved_to_the_mirror_before_the_guard_sees_it()
    {
        using var charts = ChartsCopy.Create();
        charts.Replace(AgentDeployment, "image: {{ include \"sa.image\" $v.image | quote }}", "image: docker.io/library/busybox:1.36");

        var result = await charts.Pipeline().RunAsync(ExampleBundles.Load("korea"));

        Assert.True(result.Succeeded, string.Join("\n", result.Reasons()));
        var images = result.Manifests.Single().Objects.OfKind<k8s.Models.V1Deployment>()
            .Where(d => d.Metadata.Labels["sovereignops.io/workload"] == "agent")
            .Select(d => d.Spec.Template.Spec.Containers[0].Image)
            .Distinct()
            .ToList();
        Assert.Equal(["harbor.kpaia.go.kr:5443/sovereign/library/busybox:1.36"], images);
    }

    [Fact]
    public async Task Two_charts_rendering_the_same_object_is_a_render_failure()
    {
        var bundle = ExampleBundles.Load("thailand");
        var catalog = bundle.Catalogs.Single(c => c.Metadata.Name == "lanna-legal");
        catalog.Spec.Agents[0].Name = "siam-llm";

        var result = await ExampleBundles.Pipeline().RunAsync(bundle);

        Assert.Equal(PipelineStage.Render, result.FailedStage);
        Assert.Empty(result.Manifests);
        Assert.Contains(result.RenderFailures, f => f.Error.Message.StartsWith("Service th-national-ai/siam-llm is also rendered for ModelDeployment th-national-ai/siam-llm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_helm_is_a_render_failure_with_a_clear_message()
    {
        var pipeline = new RenderPipeline(new HelmRenderer(new HelmRendererOptions
        {
            HelmPath = Path.Combine(Path.GetTempPath(), "no-such-helm"),
            ChartsRoot = RepoPaths.Combine("charts"),
        }));

        var result = await pipeline.RunAsync(ExampleBundles.Load("korea"));

        Assert.Equal(PipelineStage.Render, result.FailedStage);
        Assert.All(result.RenderFailures, f => Assert.Equal(RenderErrorKind.HelmNotFound, f.Error.Kind));
    }
}
