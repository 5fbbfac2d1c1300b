using SovereignOps.Planning;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>Chart values built from the Thai example's plan: what each chart is told to render.</summary>
public sealed class ValuesFromPlanTests
{
    private static readonly IReadOnlyList<RenderUnit> Units = ProfileRenderUnits.For(BundlePlanner.Plan(ExampleBundles.Load("thailand")).Profiles.Single());

    private static ModelChartValues Model(string name) => Units.Select(u => u.Values).OfType<ModelChartValues>().Single(v => v.Name == name);

    [Fact]
    public void A_model_is_given_its_planned_parallelism_gpus_and_placement()
    {
        var omni = Model("siam-omni");

        Assert.Equal((4, 1, 1), (omni.Parallelism.TensorParallelSize, omni.Parallelism.PipelineParallelSize, omni.Parallelism.NodesPerReplica));
        Assert.Equal(("nvidia.com/gpu", 4), (omni.Resources.Gpu.ResourceName, omni.Resources.Gpu.Count));
        Assert.Equal(WeightsSource.Oci, omni.Weights.Source);
        Assert.Equal("registry.ai.go.th/sovereign/models/siam-omni", omni.Weights.Image!.Repository);
        Assert.Equal("sensitive-personal-data", omni.Model.DataClass);
        Assert.Equal("registry.ai.go.th/sovereign/vllm/vllm-openai", omni.Runtime.Image.Repository);
        var expressions = omni.Placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions;
        Assert.Contains(expressions, e => e.Key == "topology.kubernetes.io/region" && e.Values.SequenceEqual(["th-central"]));
        Assert.Contains(omni.Placement.Tolerations, t => t.Key == "sovereignops.io/dedicated" && t.Value == "th-national-ai");
    }

    [Fact]
    public void Several_replicas_fetching_weights_get_a_StatefulSet_with_a_cache_claim_each()
    {
        var llm = Model("siam-llm");

        Assert.Equal(WorkloadKind.StatefulSet, llm.Workload.Kind);
        Assert.Equal(WeightsSource.Uri, llm.Weights.Source);
        Assert.Equal(("local-nvme", "ReadWriteOnce"), (llm.Weights.Cache!.StorageClassName, llm.Weights.Cache.AccessMode));
        Assert.All(llm.Network.Egress, rule => Assert.Equal(443, rule.Ports!.Single().Port));
        Assert.Equal(["10.20.0.0/16", "10.100.0.0/16"], llm.Network.Egress.Select(r => r.Cidr));
    }

    [Fact]
    public void A_model_on_MIG_slices_asks_for_one_slice_and_autoscales()
    {
        var asr = Model("thai-asr");

        Assert.Equal(("nvidia.com/mig-3g.40gb", 1), (asr.Resources.Gpu.ResourceName, asr.Resources.Gpu.Count));
        Assert.Equal((true, 2, 4), (asr.Autoscaling.Enabled, asr.Autoscaling.MinReplicas, asr.Autoscaling.MaxReplicas));
        Assert.Equal((WeightsSource.Pvc, "model-weights", "thai-asr/3.0"), (asr.Weights.Source, asr.Weights.ClaimName, asr.Weights.Path));
    }

    [Fact]
    public void An_agent_that_names_modalities_points_at_the_first_model_serving_them()
    {
        // siam-omni (priority 100) understands text and speech and is accounted before thai-asr.
        var tutor = Units.Select(u => u.Values).OfType<AgentChartValues>().Single(v => v.Name == "thai-reading-tutor");

        Assert.Equal(("siam-omni", "http://siam-omni.th-national-ai.svc:8000/v1"), (tutor.Model.Name, tutor.Model.Endpoint));
        Assert.Equal("siam-omni", tutor.Model.PodLabels["app.kubernetes.io/instance"]);
        Assert.Equal("registry.ai.go.th/sovereign/krungthep-edu/reading-tutor", tutor.Image.Repository);
    }

    [Fact]
    public void The_tenant_quota_is_what_was_planned_and_the_storefront_lists_the_approved_agents()
    {
        var tenant = Units.Select(u => u.Values).OfType<TenantChartValues>().Single();

        Assert.Equal(10, tenant.Quota.Accelerators["nvidia.com/gpu"]);
        Assert.Equal(4, tenant.Quota.Accelerators["nvidia.com/mig-3g.40gb"]);
        Assert.Equal(["discharge-summary-writer", "er-triage-assistant", "pdpa-compliance-advisor", "thai-reading-tutor"], tenant.Storefront.Agents.Select(a => a.Name));
        Assert.Equal(["onais-platform-admins", "onais-ml-engineers"], tenant.Rbac.OwnerGroups);
    }
}
