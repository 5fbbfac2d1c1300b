using SovereignOps.Api.Bundles;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// For each model, whether its pool fits the surge replica a rolling update wants. Without room the
/// operator rolls with maxUnavailable instead, and serving capacity dips for the length of the
/// rollout: a warning when replicas remain, a failure when the only replica goes.
/// </summary>
public static class UpgradeCheckHeadroom
{
    public const string Name = "rollout-headroom";

    public static IEnumerable<CheckResult> Run(Bundle bundle)
    {
        if (bundle.Models.Count == 0)
        {
            yield break;
        }

        var plan = CapacityPlanner.Plan(bundle);
        foreach (var model in plan.Models)
        {
            var subject = $"ModelDeployment {model.Key}";
            if (!model.Fits)
            {
                yield return CheckResult.Fail(Name, subject, $"does not fit pool {model.PoolName ?? "(none)"} even before a rollout: {model.Problem}");
                continue;
            }

            if (model.Replicas == 0)
            {
                yield return CheckResult.Pass(Name, subject, "scaled to zero; nothing to roll");
                continue;
            }

            var decision = RolloutHeadroom.Decide(bundle, plan, model);
            var unit = $"{model.Layout!.DevicesPerReplica}×{model.Layout.ResourceName}";
            if (decision.SurgeFits)
            {
                var strategy = decision.MaxSurge > 0
                    ? $"rolls with maxSurge {decision.MaxSurge}, no capacity dip"
                    : $"rolls with maxUnavailable {decision.MaxUnavailable} as configured (set spec.rollout.maxSurge: 1 to roll without a dip)";
                yield return CheckResult.Pass(Name, subject, $"pool {model.PoolName} has room for a surge replica ({unit}); {strategy}");
                continue;
            }

            var dip = $"pool {model.PoolName} has no room for a surge replica ({unit}); the operator rolls with maxSurge 0, maxUnavailable {decision.MaxUnavailable}";
            yield return decision.MinimumReady == 0
                ? CheckResult.Fail(Name, subject, $"{dip}: all {decision.Replicas} replica(s) go down during the rollout (model unavailable); add GPU nodes to the pool or accept the outage window")
                : CheckResult.Warn(Name, subject, $"{dip}: serving capacity dips from {decision.Replicas} to {decision.MinimumReady} replicas during the rollout");
        }
    }
}
