using System.Collections.Immutable;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Scheduling;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>The scheduler's decision core on plain values: filters, their messages, scoring and the seeded tie-break.</summary>
public sealed class SchedulerCoreTests
{
    private const long Gi = 1024L * 1024 * 1024 * 1000;

    [Fact]
    public void Reasons_are_counted_per_node_and_sorted_as_strings_like_kube_scheduler()
    {
        var nodes = Enumerable.Range(0, 12).Select(i => Candidate(Node($"n{i:D2}", labels: new() { ["zone"] = i < 10 ? "a" : "b" }, gpus: 2))).ToList();
        var pod = Pod("p", gpus: 4, required: [Term(new NodeSelectorRequirement("zone", "In", ["a"]))]);

        var decision = new SchedulerCore(1).Decide(pod, nodes);

        Assert.Null(decision.NodeName);
        Assert.Equal(
            "0/12 nodes are available: 10 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector. "
            + "no new claims to deallocate, preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
            decision.Message);
        Assert.Equal(10, decision.Reasons["Insufficient nvidia.com/gpu"]);
    }

    [Fact]
    public void A_cordoned_node_is_reported_before_its_taints_and_a_not_ready_node_counts_as_tainted()
    {
        var cordoned = Node("cordoned", taints: [new Taint("dedicated", "x", Taint.NoSchedule)]) with { Unschedulable = true };
        var lost = Node("lost") with { Readiness = NodeReadiness.Unknown };

        var decision = new SchedulerCore(1).Decide(Pod("p"), [Candidate(cordoned), Candidate(lost)]);

        Assert.Equal(1, decision.Reasons[FilterReasons.Unschedulable]);
        Assert.Equal(1, decision.Reasons[FilterReasons.UntoleratedTaint]);
    }

    [Fact]
    public void Tolerations_match_by_key_operator_value_and_effect()
    {
        var taint = new Taint("dedicated", "gov", Taint.NoSchedule);

        Assert.True(new Toleration("dedicated", "Equal", "gov", "NoSchedule", null).Tolerates(taint));
        Assert.True(new Toleration("dedicated", "Exists", "", "", null).Tolerates(taint));
        Assert.True(new Toleration("", "Exists", "", "", null).Tolerates(taint));
        Assert.False(new Toleration("dedicated", "Equal", "other", "NoSchedule", null).Tolerates(taint));
        Assert.False(new Toleration("dedicated", "Equal", "gov", "NoExecute", null).Tolerates(taint));
    }

    [Theory]
    [InlineData("In", "a,b", "a", true)]
    [InlineData("In", "a,b", null, false)]
    [InlineData("NotIn", "a,b", "c", true)]
    [InlineData("NotIn", "a,b", null, true)]
    [InlineData("Exists", "", "x", true)]
    [InlineData("DoesNotExist", "", "x", false)]
    [InlineData("Gt", "4", "8", true)]
    [InlineData("Gt", "4", "4", false)]
    [InlineData("Lt", "4", "2", true)]
    [InlineData("Lt", "4", "two", false)]
    public void Node_selector_operators_follow_the_api(string op, string values, string? label, bool matches)
    {
        var requirement = new NodeSelectorRequirement("key", op, [.. values.Split(',', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(matches, requirement.Matches(label));
    }

    [Fact]
    public void Required_terms_are_ored_their_expressions_anded_and_match_fields_see_the_node_name()
    {
        var labels = new Dictionary<string, string> { ["region"] = "th", ["gpu"] = "h100" };
        var both = Term(new NodeSelectorRequirement("region", "In", ["th"]), new NodeSelectorRequirement("gpu", "In", ["a100"]));
        var byName = new NodeSelectorTerm([], [new NodeSelectorRequirement("metadata.name", "In", ["n1"])]);

        Assert.False(both.Matches("n1", labels));
        Assert.True(byName.Matches("n1", labels));
        Assert.False(new NodeSelectorTerm([], []).Matches("n1", labels));
        Assert.True(NodeAffinity.Matches(Pod("p", required: [both, byName]), Node("n1", labels: labels)));
    }

    [Fact]
    public void Resources_count_requests_of_bound_pods_and_the_pod_limit()
    {
        var full = new NodeCandidate(Node("full", cpuMilli: 4000), new Dictionary<string, long> { ["cpu"] = 3500 }, 0);
        var crowded = new NodeCandidate(Node("crowded", cpuMilli: 64000) with { Allocatable = ResourceList.Of(("cpu", 64000), ("pods", 2000)) }, new Dictionary<string, long>(), 2);

        var decision = new SchedulerCore(1).Decide(Pod("p", cpuMilli: 1000), [full, crowded]);

        Assert.Equal(1, decision.Reasons["Insufficient cpu"]);
        Assert.Equal(1, decision.Reasons[FilterReasons.TooManyPods]);
    }

    [Fact]
    public void Preferred_affinity_outranks_free_capacity_and_untolerated_soft_taints_count_against_a_node()
    {
        var preferred = Node("preferred", labels: new() { ["tier"] = "gold" }, cpuMilli: 8000);
        var roomy = Node("roomy", cpuMilli: 64000);
        var soft = Node("soft", cpuMilli: 64000, taints: [new Taint("spot", "", Taint.PreferNoSchedule)]);
        var pod = Pod("p", cpuMilli: 1000);
        var wantsGold = Pod("q", cpuMilli: 1000, preferred: [new WeightedNodeSelectorTerm(10, Term(new NodeSelectorRequirement("tier", "In", ["gold"])))]);
        var core = new SchedulerCore(1);

        Assert.Equal("preferred", core.Decide(wantsGold, [Candidate(preferred), Candidate(roomy)]).NodeName);
        Assert.Equal("roomy", core.Decide(pod, [Candidate(preferred), Candidate(roomy)]).NodeName);
        Assert.Equal("roomy", core.Decide(pod, [Candidate(soft), Candidate(roomy)]).NodeName);
    }

    [Fact]
    public void Ties_are_broken_by_the_seed_the_same_way_every_time()
    {
        var nodes = Enumerable.Range(0, 20).Select(i => Candidate(Node($"n{i:D2}"))).ToList();
        var pods = Enumerable.Range(0, 20).Select(i => Pod($"p{i}")).ToList();

        var first = pods.Select(p => new SchedulerCore(3).Decide(p, nodes).NodeName).ToList();
        var again = pods.Select(p => new SchedulerCore(3).Decide(p, Enumerable.Reverse(nodes).ToList()).NodeName).ToList();
        var otherSeed = pods.Select(p => new SchedulerCore(4).Decide(p, nodes).NodeName).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.True(first.Distinct().Count() > 5, "equal nodes share the pods out");
    }

    [Fact]
    public void No_nodes_at_all_gets_the_short_message_and_preemption_never_is_named()
    {
        Assert.Equal(FilterReasons.NoNodesAvailable, new SchedulerCore(1).Decide(Pod("p"), []).Message);
        var never = Pod("p", gpus: 1) with { PreemptionPolicy = "Never" };
        Assert.EndsWith("no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.", new SchedulerCore(1).Decide(never, [Candidate(Node("n"))]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("1Gi", 1073741824000)]
    [InlineData("1e3", 1000000)]
    [InlineData("1.5k", 1500000)]
    [InlineData("0.1", 100)]
    [InlineData("100Mi", 104857600000)]
    public void Quantities_parse_to_milli_units(string text, long milli) => Assert.Equal(milli, Quantity.ParseMilli(text));

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("5Qi")]
    public void Malformed_quantities_are_refused(string text) => Assert.Null(Quantity.ParseMilli(text));

    [Fact]
    public void Effective_requests_take_limits_where_requests_are_missing_and_the_largest_init_container()
    {
        var spec = System.Text.Json.Nodes.JsonNode.Parse("""
            {"containers": [
               {"name": "a", "resources": {"requests": {"cpu": "1"}, "limits": {"cpu": "2", "nvidia.com/gpu": "2"}}},
               {"name": "b", "resources": {"requests": {"memory": "1Gi"}}}],
             "initContainers": [{"name": "i", "resources": {"requests": {"cpu": "3"}}}]}
            """)!.AsObject();

        var requests = PodFacts.EffectiveRequests(spec);

        Assert.Equal(3000, requests["cpu"]);
        Assert.Equal(2000, requests["nvidia.com/gpu"]);
        Assert.Equal(Gi, requests["memory"]);
    }

    private static NodeSelectorTerm Term(params NodeSelectorRequirement[] requirements) => new([.. requirements], []);

    private static NodeCandidate Candidate(NodeFacts node) => new(node, new Dictionary<string, long>(), 0);

    private static NodeFacts Node(string name, Dictionary<string, string>? labels = null, int gpus = 0, long cpuMilli = 16000, ImmutableArray<Taint> taints = default) => new()
    {
        Name = name,
        Labels = (labels ?? []).ToImmutableDictionary(),
        Taints = taints.IsDefault ? [] : taints,
        Allocatable = ResourceList.Of(("cpu", cpuMilli), ("memory", 64 * Gi), ("nvidia.com/gpu", gpus * 1000L)),
        Readiness = NodeReadiness.Ready,
    };

    private static PodFacts Pod(string name, int gpus = 0, long cpuMilli = 0, ImmutableArray<NodeSelectorTerm> required = default, ImmutableArray<WeightedNodeSelectorTerm> preferred = default) => new()
    {
        Namespace = "default",
        Name = name,
        Uid = name,
        Requests = new ResourceList(new Dictionary<string, long> { ["nvidia.com/gpu"] = gpus * 1000L, ["cpu"] = cpuMilli }.Where(p => p.Value > 0).ToImmutableDictionary()),
        RequiredTerms = required.IsDefault ? [] : required,
        PreferredTerms = preferred.IsDefault ? [] : preferred,
    };
}
