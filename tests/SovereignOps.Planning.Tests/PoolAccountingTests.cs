using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Tests;

public sealed class PoolAccountingTests
{
    /// <summary>40B at bf16 with a tiny cache needs two 80 GiB GPUs.</summary>
    private static ModelDeployment TwoGpuModel(string name, int replicas, int priority = 0) =>
        Fixtures.Model(name, 40, change: s =>
        {
            s.ContextLength = 2048;
            s.MaxConcurrentSequences = 1;
            s.Replicas = replicas;
            s.Priority = priority;
        });

    /// <summary>70B at bf16 with the default cache needs four 80 GiB GPUs.</summary>
    private static ModelDeployment FourGpuModel(string name, int replicas, int priority = 0) =>
        Fixtures.Model(name, 70, change: s =>
        {
            s.Replicas = replicas;
            s.Priority = priority;
        });

    [Fact]
    public void A_model_that_does_not_fit_is_refused_with_the_pools_numbers()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool()], [TwoGpuModel("first", 5, priority: 10), FourGpuModel("second", 2)]);

        var plan = CapacityPlanner.Plan(bundle);

        Assert.True(plan.Find($"{Fixtures.Tenant}/first")!.Fits);
        var second = plan.Find($"{Fixtures.Tenant}/second")!;
        Assert.Equal("needs 4 × 80 GiB per replica × 2 replicas = 8 GPUs; pool th-h100 has 16, 10 allocated, 6 free", second.Problem);
    }

    [Fact]
    public void A_model_that_does_not_fit_leaves_the_pool_as_it_was()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool()], [TwoGpuModel("first", 5, priority: 10), FourGpuModel("second", 2), TwoGpuModel("third", 3)]);

        var plan = CapacityPlanner.Plan(bundle);

        var second = plan.Find($"{Fixtures.Tenant}/second")!;
        Assert.Equal(second.Before!.Resources, second.After!.Resources);
        Assert.True(plan.Find($"{Fixtures.Tenant}/third")!.Fits);
        var pool = Assert.Single(plan.Pools);
        Assert.Equal((16, 16, 0), (pool.Usage.Primary.Capacity, pool.Usage.Primary.Allocated, pool.Usage.Primary.Free));
        Assert.Equal(["gov-th/first", "gov-th/third"], pool.Allocations.Select(a => a.Model));
    }

    [Fact]
    public void Higher_priority_models_are_accounted_first()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool(nodes: 1)], [FourGpuModel("a-low", 2, priority: 0), FourGpuModel("z-high", 2, priority: 5)]);

        var plan = CapacityPlanner.Plan(bundle);

        Assert.Equal(["gov-th/z-high", "gov-th/a-low"], plan.Models.Select(m => m.Key));
        Assert.True(plan.Models[0].Fits);
        Assert.Equal((0, 8), (plan.Models[0].Before!.Primary.Allocated, plan.Models[0].After!.Primary.Allocated));
    }

    [Fact]
    public void The_plan_does_not_depend_on_the_order_the_models_were_read_in()
    {
        var models = Enumerable.Range(0, 12)
            .Select(i => i % 3 == 0 ? FourGpuModel($"model-{i:00}", 1 + (i % 2), priority: i % 4) : TwoGpuModel($"model-{i:00}", 1 + (i % 3), priority: i % 4))
            .ToList();
        var expected = Describe(CapacityPlanner.Plan(Fixtures.Bundle([Fixtures.H100Pool(nodes: 3)], models)));

        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = models.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Describe(CapacityPlanner.Plan(Fixtures.Bundle([Fixtures.H100Pool(nodes: 3)], shuffled))));
        }
    }

    [Fact]
    public void A_multi_GPU_replica_needs_all_its_GPUs_free_on_one_node()
    {
        // Three PCIe nodes of four GPUs; three 3-stage replicas leave one GPU free on each node.
        var pool = Fixtures.Pool("th-l40s", "L40S-48GB", 48, perNode: 4, nodes: 3, "PCIe");
        var threeStages = Fixtures.Model("three", 70, "fp8", "th-l40s", s =>
        {
            s.MaxConcurrentSequences = 8;
            s.Replicas = 3;
            s.Priority = 1;
        });
        var twoStages = Fixtures.Model("two", 40, "fp8", "th-l40s", s => s.MaxConcurrentSequences = 8);

        var plan = CapacityPlanner.Plan(Fixtures.Bundle([pool], [threeStages, twoStages]));

        Assert.Equal(3, plan.Models[0].Layout!.DevicesPerReplica);
        var refused = plan.Models[1];
        Assert.Equal(2, refused.Layout!.DevicesPerReplica);
        Assert.False(refused.Fits);
        Assert.Equal(
            "needs 2 × 48 GiB per replica × 1 replica = 2 GPUs; pool th-l40s has 12, 9 allocated, 3 free; only 0 of 1 replica fit because "
            + "a replica needs 2 GPUs free on one node and the free GPUs are spread across nodes (most on one node: 1)",
            refused.Problem);
    }

    [Fact]
    public void Best_fit_keeps_whole_nodes_free_for_large_replicas()
    {
        var eightGpus = Fixtures.Model("eight", 200, change: s =>
        {
            s.ContextLength = 2048;
            s.MaxConcurrentSequences = 1;
        });
        var bundle = Fixtures.Bundle([Fixtures.H100Pool(nodes: 2)], [FourGpuModel("four", 1, priority: 2), TwoGpuModel("two", 1, priority: 1), eightGpus]);

        var plan = CapacityPlanner.Plan(bundle);

        Assert.All(plan.Models, m => Assert.True(m.Fits, m.Problem));
        Assert.Equal(8, plan.Models[2].Layout!.DevicesPerReplica);
        Assert.Equal(["th-h100-0", "th-h100-0", "th-h100-1"], plan.Models.Select(m => m.ReplicaNodes.Single().Single()));
    }

    [Fact]
    public void Autoscaled_models_are_planned_for_their_maximum_replicas()
    {
        var model = TwoGpuModel("scaled", 1);
        model.Spec.Autoscaling = new Autoscaling { MinReplicas = 1, MaxReplicas = 3 };

        var plan = PlanAssert.Single(Fixtures.H100Pool(), model);

        Assert.Equal(3, plan.Replicas);
        Assert.Equal(6, plan.After!.Primary.Allocated);
    }

    [Fact]
    public void MIG_slices_are_cut_from_GPUs_as_they_are_needed()
    {
        var slices = Fixtures.Model("llama-8b", 8, pool: "th-mig", change: s => s.Replicas = 3);
        var whole = Fixtures.Model("whole", 8, pool: "th-mig", change: s => s.DataClass = "HealthRecords");
        var bundle = Fixtures.Bundle([Fixtures.MigPool(perNode: 2)], [slices, whole]);

        var plan = CapacityPlanner.Plan(bundle);

        var pool = Assert.Single(plan.Pools);
        Assert.Equal((2, 2), (pool.Usage.Primary.Capacity, pool.Usage.Primary.Allocated));
        var sliceUsage = pool.Usage.Find("nvidia.com/mig-3g.40gb")!;
        Assert.Equal((4, 3), (sliceUsage.Capacity, sliceUsage.Allocated));
        Assert.Equal(new ModelAllocation("gov-th/llama-8b", "nvidia.com/mig-3g.40gb", 3, 2), pool.Allocations.Single());
        Assert.Equal("needs 1 × 80 GiB per replica × 1 replica = 1 GPU; pool th-mig has 2, 2 allocated, 0 free", plan.Find("gov-th/whole")!.Problem);
    }

    [Fact]
    public void Nodes_that_match_the_pool_replace_the_spec_as_the_source_of_capacity()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool(nodes: 10)], [FourGpuModel("m", 1)],
            Fixtures.Node("gpu-b", "th-h100", new Dictionary<string, string> { ["nvidia.com/gpu"] = "4" }),
            Fixtures.Node("gpu-a", "th-h100", new Dictionary<string, string> { ["nvidia.com/gpu"] = "8" }),
            Fixtures.Node("gpu-down", "th-h100", new Dictionary<string, string> { ["nvidia.com/gpu"] = "8" }, ready: false),
            Fixtures.Node("other", "elsewhere", new Dictionary<string, string> { ["nvidia.com/gpu"] = "8" }));

        var plan = CapacityPlanner.Plan(bundle);

        var pool = Assert.Single(plan.Pools);
        Assert.Equal(CapacitySource.Nodes, pool.Source);
        Assert.Equal((2, 12, 4), (pool.Nodes, pool.Usage.Primary.Capacity, pool.Usage.Primary.Allocated));
        Assert.Equal(["gpu-b"], plan.Models.Single().ReplicaNodes.Single());
    }

    [Fact]
    public void A_model_whose_pool_is_missing_is_refused_by_name()
    {
        var plan = PlanAssert.Single(Fixtures.H100Pool(), Fixtures.Model("m", 8, pool: "nowhere"));

        Assert.Equal("GPU pool nowhere is not in the bundle", plan.Problem);
    }

    private static List<string> Describe(CapacityPlan plan) =>
        plan.Models
            .Select(m => $"{m.Key} {m.Layout?.Describe()} {string.Join(";", m.ReplicaNodes.Select(n => string.Join(",", n)))} {m.Problem}")
            .Concat(plan.Pools.Select(p => $"{p.Name} {p.Usage.Primary}"))
            .ToList();
}
