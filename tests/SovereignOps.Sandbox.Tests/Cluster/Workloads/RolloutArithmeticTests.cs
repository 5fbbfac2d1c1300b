using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Cluster.Workloads;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

public sealed class RolloutArithmeticTests
{
    [Theory]
    [InlineData("25%", "25%", 10, 3, 2)]
    [InlineData("25%", "25%", 1, 1, 0)]
    [InlineData("1", "0", 4, 1, 0)]
    [InlineData("0", "1", 4, 0, 1)]
    [InlineData("0%", "10%", 5, 0, 1)]
    [InlineData("50%", "50%", 3, 2, 1)]
    public void Surge_rounds_up_and_unavailability_rounds_down_with_one_unavailable_when_both_are_zero(string surge, string unavailable, int desired, int expectedSurge, int expectedUnavailable)
    {
        var bounds = RollingUpdateBounds.Resolve(Parse(surge), Parse(unavailable), desired);

        Assert.Equal(new RollingUpdateBounds(expectedSurge, expectedUnavailable), bounds);
    }

    [Fact]
    public void Explicit_zero_surge_and_zero_unavailability_is_recognised()
    {
        Assert.True(RollingUpdateBounds.BothZero(new JsonObject { ["maxSurge"] = 0, ["maxUnavailable"] = "0%" }));
        Assert.False(RollingUpdateBounds.BothZero(new JsonObject { ["maxSurge"] = 1, ["maxUnavailable"] = 0 }));
    }

    [Fact]
    public void Unavailability_never_exceeds_the_desired_replicas_and_recreate_has_no_slack()
    {
        var rolling = JsonNode.Parse("""{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":5}}}""")!.AsObject();
        var recreate = JsonNode.Parse("""{"replicas":2,"strategy":{"type":"Recreate"}}""")!.AsObject();

        Assert.Equal(new RollingUpdateBounds(0, 2), RollingUpdateBounds.For(rolling, 2));
        Assert.Equal(new RollingUpdateBounds(0, 0), RollingUpdateBounds.For(recreate, 2));
    }

    [Theory]
    [InlineData(4, 1, 4, 0, 1)]
    [InlineData(4, 1, 5, 1, 1)]
    [InlineData(4, 0, 4, 0, 0)]
    [InlineData(10, 3, 10, 0, 3)]
    [InlineData(3, 5, 3, 0, 3)]
    public void The_new_replicaset_grows_within_the_surge(int desired, int surge, int total, int current, int expected) =>
        Assert.Equal(expected, RolloutArithmetic.NewReplicaSetSize(desired, surge, total, current));

    [Fact]
    public void A_full_pool_with_no_unavailability_allowed_cannot_scale_old_pods_down()
    {
        // 4 old available + 1 surge pod that cannot start: nothing old may go.
        var stalled = RolloutArithmetic.MaxScaledDown(desired: 4, maxUnavailable: 0, totalReplicas: 5, newReplicas: 1, newAvailable: 0);
        var allowed = RolloutArithmetic.MaxScaledDown(desired: 4, maxUnavailable: 1, totalReplicas: 5, newReplicas: 1, newAvailable: 0);

        Assert.Equal(0, stalled);
        Assert.Equal(1, allowed);
        Assert.Equal([4], RolloutArithmetic.ScaleDownOld([(4, 4)], stalled, 4, 0, 4));
        Assert.Equal([3], RolloutArithmetic.ScaleDownOld([(4, 4)], allowed, 4, 1, 4));
    }

    [Fact]
    public void Unhealthy_old_replicas_go_first_then_available_ones_oldest_first()
    {
        // Two old ReplicaSets: the oldest has 2 unavailable pods. Desired 6, one may be unavailable.
        var sizes = RolloutArithmetic.ScaleDownOld([(3, 1), (3, 3)], maxScaledDown: 3, desired: 6, maxUnavailable: 1, allAvailable: 6);

        Assert.Equal([0, 3], sizes);
    }

    [Fact]
    public void Proportional_scaling_shares_new_replicas_by_size_with_the_leftover_to_the_largest()
    {
        // 10 replicas, maxSurge 3 mid-rollout (old 8, new 5), scaled to 15 (maxSurge 25% = 4): 6 more to spread.
        var grown = RolloutArithmetic.Proportional([(8, 13), (5, 13)], desired: 15, maxSurge: 4, statusReplicas: 13);
        var shrunk = RolloutArithmetic.Proportional([(8, 13), (5, 13)], desired: 0, maxSurge: 0, statusReplicas: 13);

        Assert.Equal([12, 7], grown);
        Assert.Equal([0, 0], shrunk);
    }

    [Fact]
    public void The_pod_template_hash_depends_on_content_not_field_order_and_uses_the_safe_alphabet()
    {
        var a = JsonNode.Parse("""{"metadata":{"labels":{"app":"web","tier":"x"}},"spec":{"containers":[{"name":"web","image":"i:1"}]}}""");
        var reordered = JsonNode.Parse("""{"spec":{"containers":[{"image":"i:1","name":"web"}]},"metadata":{"labels":{"tier":"x","app":"web"}}}""");
        var changed = JsonNode.Parse("""{"metadata":{"labels":{"app":"web","tier":"x"}},"spec":{"containers":[{"name":"web","image":"i:2"}]}}""");

        var hash = PodTemplateHash.Compute(a);
        Assert.Equal(hash, PodTemplateHash.Compute(reordered));
        Assert.NotEqual(hash, PodTemplateHash.Compute(changed));
        Assert.NotEqual(hash, PodTemplateHash.Compute(a, collisionCount: 1));
        Assert.Matches("^[456789bcdf]{1,10}$", hash);
        Assert.Equal("456789bcdf", PodTemplateHash.SafeEncode("0123456789"));
    }

    private static IntOrPercent? Parse(string text) => IntOrPercent.From(text.EndsWith('%') ? JsonValue.Create(text) : JsonValue.Create(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
}
