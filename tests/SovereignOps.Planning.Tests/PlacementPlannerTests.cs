using SovereignOps.Planning.Placement;

namespace SovereignOps.Planning.Tests;

public sealed class PlacementPlannerTests
{
    [Fact]
    public void A_model_requires_the_pools_region_and_selector_in_one_term_and_tolerates_the_pools_taints()
    {
        var result = PlacementPlanner.ForModel(Fixtures.Policy(), Fixtures.Profile(), Fixtures.H100Pool(), "Public");

        var placement = result.Placement!;
        Assert.Equal(["th-central"], placement.Regions);
        var term = Assert.Single(placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms);
        Assert.Equal(
            [$"{Fixtures.RegionKey} In th-central", "sovereignops.io/pool In th-h100"],
            term.MatchExpressions.Select(e => $"{e.Key} {e.OperatorProperty} {string.Join(",", e.Values)}"));
        var toleration = Assert.Single(placement.Tolerations);
        Assert.Equal(("nvidia.com/gpu", "Exists", "NoSchedule"), (toleration.Key, toleration.OperatorProperty, toleration.Effect));
        Assert.Null(placement.DedicatedClass);
    }

    [Fact]
    public void A_class_that_demands_dedicated_nodes_off_a_dedicated_pool_requires_and_tolerates_the_customers_nodes()
    {
        var placement = PlacementPlanner.ForModel(Fixtures.Policy(), Fixtures.Profile(), Fixtures.H100Pool(), "Secret").Placement!;

        Assert.Equal("Secret", placement.DedicatedClass);
        var expressions = placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions;
        Assert.Contains(expressions, e => e.Key == DedicatedNodes.Key && e.OperatorProperty == "In" && e.Values.SequenceEqual(["thailand"]));
        Assert.Contains(placement.Tolerations, t => t.Key == DedicatedNodes.Key && t.Value == "thailand" && t.Effect == "NoSchedule");
    }

    [Fact]
    public void On_a_dedicated_pool_the_pools_own_nodes_and_tolerations_are_the_dedicated_nodes()
    {
        var pool = Fixtures.H100Pool(change: s =>
        {
            s.Dedicated = true;
            s.Tolerations = [new Api.V1Alpha1.Toleration { Key = DedicatedNodes.Key, Operator = "Equal", Value = "thailand", Effect = "NoSchedule" }];
        });

        var placement = PlacementPlanner.ForModel(Fixtures.Policy(), Fixtures.Profile(), pool, "Secret").Placement!;

        var expressions = placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions;
        Assert.DoesNotContain(expressions, e => e.Key == DedicatedNodes.Key);
        Assert.Contains(expressions, e => e.Key == "sovereignops.io/pool");
        Assert.Single(placement.Tolerations);
    }

    [Fact]
    public void An_agent_touching_a_dedicated_class_runs_on_its_models_dedicated_pool()
    {
        var pool = Fixtures.H100Pool(change: s => s.Dedicated = true);

        var placement = PlacementPlanner.ForWorkload(Fixtures.Policy(), Fixtures.Profile(), ["Secret"], pool).Placement!;

        Assert.Equal("th-h100", placement.Pool);
        Assert.Equal(["th-central"], placement.Regions);
        Assert.Equal(pool.Spec.Tolerations.Count, placement.Tolerations.Count);
    }

    [Fact]
    public void A_pool_outside_the_policys_regions_cannot_be_placed()
    {
        var pool = Fixtures.H100Pool(change: s => s.Region = "sg-1");

        var result = PlacementPlanner.ForModel(Fixtures.Policy(), Fixtures.Profile(), pool, "Public");

        Assert.Null(result.Placement);
        Assert.Equal("pool th-h100 is in region sg-1, which policy th-pdpa does not allow (allowed: th-central, th-north)", result.Problem);
    }

    [Fact]
    public void Zones_are_the_policys_allowed_zones_narrowed_to_the_pools()
    {
        var policy = Fixtures.Policy(s =>
        {
            s.Regions.ZoneLabelKey = "topology.kubernetes.io/zone";
            s.Regions.AllowedZones = ["th-central-a", "th-central-b"];
        });
        var inZone = Fixtures.H100Pool(change: s => s.Zones = ["th-central-b", "th-central-c"]);
        var outOfZone = Fixtures.H100Pool(change: s => s.Zones = ["th-central-c"]);

        var placement = PlacementPlanner.ForModel(policy, Fixtures.Profile(), inZone, "Public").Placement!;

        Assert.Equal(["th-central-b"], placement.Zones);
        Assert.Contains(placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions,
            e => e.Key == "topology.kubernetes.io/zone" && e.Values.SequenceEqual(["th-central-b"]));
        Assert.NotNull(PlacementPlanner.ForModel(policy, Fixtures.Profile(), outOfZone, "Public").Problem);
    }

    [Fact]
    public void A_workload_without_GPUs_may_run_in_every_allowed_region()
    {
        var placement = PlacementPlanner.ForWorkload(Fixtures.Policy(), Fixtures.Profile(), ["Public", "Secret"], Fixtures.H100Pool()).Placement!;

        var expressions = placement.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms.Single().MatchExpressions;
        Assert.Equal(["th-central", "th-north"], expressions.Single(e => e.Key == Fixtures.RegionKey).Values);
        Assert.Equal("Secret", placement.DedicatedClass);
        Assert.Null(placement.Pool);
        Assert.Contains(expressions, e => e.Key == DedicatedNodes.Key && e.Values.SequenceEqual(["thailand"]));
    }
}
