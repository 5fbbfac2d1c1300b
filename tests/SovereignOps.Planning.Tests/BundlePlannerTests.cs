using SovereignOps.Api.Bundles;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Planning.Tests;

public sealed class BundlePlannerTests
{
    private static Bundle WithAgents(params Api.V1Alpha1.AgentEntry[] agents)
    {
        var vision = Fixtures.Model("vision", 8, change: s =>
        {
            s.Modalities = ["text", "image"];
            s.Priority = 1;
        });
        var bundle = Fixtures.Bundle([Fixtures.H100Pool()], [Fixtures.Model("chat", 8), vision]);
        bundle.Catalogs.Add(Fixtures.Catalog("health", agents));
        return bundle;
    }

    [Fact]
    public void A_compliant_bundle_plans_every_model_and_approved_agent()
    {
        var plan = BundlePlanner.Plan(WithAgents(Fixtures.Agent("triage", modelRef: "chat"), Fixtures.Agent("pending", modelRef: "chat", state: "Pending")));

        Assert.True(plan.Succeeded, string.Join("; ", plan.Problems.Select(p => p.ToString()).Concat(plan.Residency.Select(v => v.ToString()))));
        var profile = Assert.Single(plan.Profiles);
        Assert.Equal(["gov-th/vision", "gov-th/chat"], profile.Models.Select(m => m.Capacity.Key));
        Assert.All(profile.Models, m => Assert.NotNull(m.Placement?.Placement));
        var agent = Assert.Single(profile.Agents);
        Assert.Equal("gov-th/health/triage", agent.Key);
        Assert.Equal("gov-th/chat", agent.Binding.Model!.Key);
    }

    [Fact]
    public void An_agent_that_needs_modalities_binds_the_first_model_in_accounting_order_that_serves_them()
    {
        var plan = BundlePlanner.Plan(WithAgents(Fixtures.Agent("reader", modalities: ["text"]), Fixtures.Agent("radiology", modalities: ["image"])));

        var agents = plan.Profiles.Single().Agents;
        Assert.Equal("gov-th/vision", agents.Single(a => a.Entry.Name == "reader").Binding.Model!.Key);
        Assert.Equal("gov-th/vision", agents.Single(a => a.Entry.Name == "radiology").Binding.Model!.Key);
    }

    [Fact]
    public void An_agent_without_a_model_is_a_problem()
    {
        var plan = BundlePlanner.Plan(WithAgents(Fixtures.Agent("listener", modalities: ["speech"]), Fixtures.Agent("lost", modelRef: "missing")));

        Assert.False(plan.Succeeded);
        Assert.Equal(
            ["agent gov-th/health/listener: no model in namespace gov-th understands speech", "agent gov-th/health/lost: model gov-th/missing is not in the bundle"],
            plan.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_agent_is_never_bound_to_a_model_that_does_not_fit()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool(nodes: 1)], [Fixtures.Model("huge", 405, change: s => s.Priority = 1), Fixtures.Model("small", 8)]);
        bundle.Catalogs.Add(Fixtures.Catalog("general", Fixtures.Agent("helper", modalities: ["text"])));

        var plan = BundlePlanner.Plan(bundle);

        Assert.Equal("gov-th/small", plan.Profiles.Single().Agents.Single().Binding.Model!.Key);
        Assert.Contains(plan.Problems, p => p.Subject == "ModelDeployment gov-th/huge" && p.Message.Contains("pool th-h100", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_time_residency_checks_report_pool_region_class_storage_and_agent_egress()
    {
        var pool = Fixtures.H100Pool(change: s =>
        {
            s.Region = "sg-1";
            s.AllowedDataClasses = ["Secret"];
        });
        var model = Fixtures.Model("chat", 8, change: s => s.Weights.CacheStorageClass = "gp3");
        var agent = Fixtures.Agent("browser", modelRef: "chat");
        agent.EgressAllowList = [new Api.V1Alpha1.EgressTarget { Cidr = "8.8.8.8/32" }];
        var bundle = Fixtures.Bundle([pool], [model]);
        bundle.Catalogs.Add(Fixtures.Catalog("web", agent));

        var plan = BundlePlanner.Plan(bundle);

        Assert.Equal(
            [
                ("ModelDeployment gov-th/chat", "spec.gpuPoolRef", GuardRules.PoolRegion),
                ("ModelDeployment gov-th/chat", "spec.dataClass", GuardRules.PoolDataClass),
                ("ModelDeployment gov-th/chat", "spec.weights.cacheStorageClass", GuardRules.StorageClass),
                ("AgentCatalog gov-th/web", "spec.agents[0].egressAllowList[0].cidr", GuardRules.Egress),
            ],
            plan.Residency.Select(v => (v.Object.ToString(), v.FieldPath, v.Rule)));
    }

    [Fact]
    public void A_class_that_demands_dedicated_nodes_on_a_shared_pool_is_a_residency_violation()
    {
        var plan = BundlePlanner.Plan(Fixtures.Bundle([Fixtures.H100Pool()], [Fixtures.Model("secret", 8, change: s => s.DataClass = "Secret")]));

        var violation = Assert.Single(plan.Residency);
        Assert.Equal((GuardRules.DedicatedNodes, "spec.gpuPoolRef"), (violation.Rule, violation.FieldPath));
        Assert.Equal("data class Secret demands dedicated nodes, but pool th-h100 is not dedicated", violation.Message);
    }

    [Fact]
    public void A_time_sliced_pool_for_a_class_that_forbids_sharing_is_a_residency_violation()
    {
        var pool = Fixtures.Pool("th-l4", "L4-24GB", 24, 4, 1, "PCIe", s =>
            s.Partitioning = new Api.V1Alpha1.GpuPartitioning { Mode = "TimeSlicing", TimeSlicingReplicas = 2 });
        var model = Fixtures.Model("small", 1, pool: "th-l4", change: s =>
        {
            s.DataClass = "HealthRecords";
            s.MaxConcurrentSequences = 4;
        });

        var plan = BundlePlanner.Plan(Fixtures.Bundle([pool], [model]));

        var violation = Assert.Single(plan.Residency);
        Assert.Equal(GuardRules.GpuSharing, violation.Rule);
    }

    [Fact]
    public void Resources_outside_every_tenant_namespace_and_missing_policies_are_problems()
    {
        var bundle = Fixtures.Bundle([Fixtures.H100Pool()], [Fixtures.Model("stray", 8, change: _ => { })]);
        bundle.Models[0].Metadata.NamespaceProperty = "default";
        bundle.Policies.Clear();

        var plan = BundlePlanner.Plan(bundle);

        Assert.Equal(
            ["SovereignProfile thailand: residency policy th-pdpa is not in the bundle", "ModelDeployment default/stray: its namespace is no profile's tenant namespace"],
            plan.Problems.Select(p => p.ToString()));
    }
}
