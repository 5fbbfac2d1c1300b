using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Tests;

public sealed class LayoutPlannerTests
{
    [Fact]
    public void A_70B_model_at_bf16_does_not_fit_one_80_GiB_GPU_and_gets_tensor_parallel_4()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(), Fixtures.Model("llama-70b", 70, "bf16"));

        var layout = PlanAssert.Fits(plan);
        Assert.True(plan.Memory.WeightsGiB > 80);
        Assert.Equal((4, 1, 4, 1), (layout.TensorParallel, layout.PipelineParallel, layout.DevicesPerReplica, layout.Nodes));
        Assert.Equal(WorkloadKind.Deployment, layout.Workload);
        Assert.Equal("nvidia.com/gpu", layout.ResourceName);
    }

    [Fact]
    public void A_70B_model_at_int4_fits_one_80_GiB_GPU()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(), Fixtures.Model("llama-70b", 70, "int4", change: s => s.MaxConcurrentSequences = 4));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal(1, layout.DevicesPerReplica);
        Assert.True(plan.Memory.TotalGiB <= 80, $"{plan.Memory.TotalGiB} GiB");
    }

    [Fact]
    public void An_8B_model_fits_a_MIG_3g_40gb_slice_when_its_class_allows_sharing()
    {
        var plan = PlanAssert.Single(Fixtures.MigPool(), Fixtures.Model("llama-8b", 8, pool: "th-mig"));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal(DeviceKind.MigSlice, layout.Kind);
        Assert.Equal("3g.40gb", layout.MigProfile);
        Assert.Equal("nvidia.com/mig-3g.40gb", layout.ResourceName);
        Assert.True(plan.Memory.TotalGiB <= 40, $"{plan.Memory.TotalGiB} GiB");
    }

    [Fact]
    public void A_class_that_forbids_sharing_gets_a_whole_GPU_on_a_MIG_pool()
    {
        var plan = PlanAssert.Single(Fixtures.MigPool(), Fixtures.Model("llama-8b", 8, pool: "th-mig", change: s => s.DataClass = "HealthRecords"));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal(DeviceKind.WholeGpu, layout.Kind);
        Assert.Equal("nvidia.com/gpu", layout.ResourceName);
    }

    [Fact]
    public void A_405B_model_at_bf16_needs_pipeline_parallel_across_two_8x80_GiB_nodes()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(nodes: 2), Fixtures.Model("llama-405b", 405));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal((8, 2, 2, 16), (layout.TensorParallel, layout.PipelineParallel, layout.Nodes, layout.DevicesPerReplica));
        Assert.Equal(WorkloadKind.StatefulSet, layout.Workload);
        Assert.Equal(2, plan.ReplicaNodes.Single().Count);
    }

    [Fact]
    public void A_405B_model_on_a_one_node_pool_is_refused_with_the_largest_placement()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(nodes: 1), Fixtures.Model("llama-405b", 405));

        Assert.False(plan.Fits);
        Assert.Contains("the largest placement on pool th-h100 is 1 node × 8 × 80 GiB = 640 GiB", plan.Problem, StringComparison.Ordinal);
        Assert.Matches(@"^needs \d+\.\d GiB per replica", plan.Problem);
    }

    [Fact]
    public void A_runtime_that_cannot_span_nodes_is_refused_a_replica_larger_than_one_node()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(nodes: 2), Fixtures.Model("llama-405b", 405, change: s => s.Runtime.Engine = "tgi"));

        Assert.False(plan.Fits);
        Assert.Contains("tgi serves a replica from a single node", plan.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_PCIe_L40S_pool_vllm_uses_pipeline_stages_instead_of_tensor_parallel()
    {
        var plan = PlanAssert.Single(Fixtures.L40sPool(), Fixtures.Model("llama-70b", 70, "fp8", "th-l40s", s => s.MaxConcurrentSequences = 8));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal((1, 3, 3), (layout.TensorParallel, layout.PipelineParallel, layout.DevicesPerReplica));
        Assert.Equal(48, layout.DeviceGiB);
    }

    [Fact]
    public void On_a_PCIe_L40S_pool_tgi_keeps_tensor_parallel_as_a_power_of_two()
    {
        var plan = PlanAssert.Single(Fixtures.L40sPool(), Fixtures.Model("llama-70b", 70, "fp8", "th-l40s", s =>
        {
            s.MaxConcurrentSequences = 8;
            s.Runtime.Engine = "tgi";
        }));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal((4, 1, 4), (layout.TensorParallel, layout.PipelineParallel, layout.DevicesPerReplica));
    }

    [Fact]
    public void A_model_too_large_for_every_PCIe_node_spreads_its_pipeline_stages_over_nodes()
    {
        var plan = PlanAssert.Single(Fixtures.L40sPool(nodes: 4), Fixtures.Model("llama-405b", 405, "fp8", "th-l40s"));

        var layout = PlanAssert.Fits(plan);
        Assert.Equal(1, layout.TensorParallel);
        Assert.True(layout.Nodes > 1);
        Assert.Equal(layout.DevicesPerReplica, layout.PipelineParallel);
        Assert.True(layout.DevicesPerNode <= 8);
    }

    [Fact]
    public void A_time_sliced_pool_gives_a_small_model_one_share_and_refuses_a_large_one()
    {
        var pool = Fixtures.Pool("th-l4", "L4-24GB", 24, 4, 1, "PCIe", s =>
            s.Partitioning = new Api.V1Alpha1.GpuPartitioning { Mode = "TimeSlicing", TimeSlicingReplicas = 2 });

        var small = PlanAssert.Single(pool, Fixtures.Model("small", 1, pool: "th-l4", change: s => s.MaxConcurrentSequences = 4));
        var large = PlanAssert.Single(pool, Fixtures.Model("large", 8, pool: "th-l4"));

        Assert.Equal(DeviceKind.TimeShare, PlanAssert.Fits(small).Kind);
        Assert.False(large.Fits);
        Assert.Contains("a time-sliced share of pool th-l4 is 24 GiB / 2 = 12.0 GiB", large.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_is_reported_with_headroom_for_the_devices_the_layout_uses()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(), Fixtures.Model("llama-70b", 70));

        var expected = RuntimeHeadroom.For(plan.Memory.ModelGiB, plan.Layout!.DevicesPerReplica);
        Assert.Equal(expected, plan.Memory.HeadroomGiB, 9);
        Assert.True(plan.Memory.TotalGiB <= plan.Layout.DevicesPerReplica * 80);
    }
}
