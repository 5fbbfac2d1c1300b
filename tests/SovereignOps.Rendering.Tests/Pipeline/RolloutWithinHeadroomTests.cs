using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>A requested surge is rendered only when the pool has room for the extra replica; otherwise the rollout replaces pods in place.</summary>
public sealed class RolloutWithinHeadroomTests
{
    [Fact]
    public void A_surge_is_kept_when_the_pool_has_room_for_one_more_replica()
    {
        var bundle = WithSurge(ExampleBundles.Load("thailand"));

        var omni = OmniRollout(bundle);

        Assert.Equal((IntOrPercent.Pods(1), IntOrPercent.Pods(0)), (omni.MaxSurge, omni.MaxUnavailable));
    }

    [Fact]
    public void A_full_pool_turns_the_surge_into_max_unavailable()
    {
        var bundle = WithSurge(ExampleBundles.Load("thailand"));
        bundle.Models.Single(m => m.Metadata.Name == "siam-omni").Spec.Replicas = 1;
        bundle.Models.Single(m => m.Metadata.Name == "siam-llm").Spec.Replicas = 12;

        var omni = OmniRollout(bundle);

        Assert.Equal((IntOrPercent.Pods(0), IntOrPercent.Pods(1)), (omni.MaxSurge, omni.MaxUnavailable));
    }

    private static Bundle WithSurge(Bundle bundle)
    {
        bundle.Models.Single(m => m.Metadata.Name == "siam-omni").Spec.Rollout = new RolloutStrategy
        {
            MaxSurge = (k8s.Models.IntOrString)1,
            MaxUnavailable = (k8s.Models.IntOrString)0,
        };
        return bundle;
    }

    private static RolloutValues OmniRollout(Bundle bundle)
    {
        var plan = BundlePlanner.Plan(bundle);
        Assert.True(plan.Succeeded, string.Join("; ", plan.Problems));
        var units = ProfileRenderUnits.For(plan.Profiles.Single(), m => RolloutHeadroom.SurgeFits(bundle, plan.Capacity, m.Capacity));
        return units.Select(u => u.Values).OfType<ModelChartValues>().Single(v => v.Name == "siam-omni").Workload.Rollout;
    }
}
