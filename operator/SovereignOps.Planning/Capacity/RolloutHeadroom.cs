using k8s;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>How a model's rollout will replace its pods, and what that costs while it runs.</summary>
/// <param name="SurgeFits">Whether the pool has room for one more replica on top of every planned model.</param>
/// <param name="MaxSurge">Extra pods the rollout creates; 0 when the pool has no room.</param>
/// <param name="MaxUnavailable">Pods the rollout takes down at a time.</param>
/// <param name="Replicas">Planned replicas.</param>
/// <param name="MinimumReady">The fewest replicas serving at any point of the rollout.</param>
public sealed record RolloutDecision(string Model, bool SurgeFits, int MaxSurge, int MaxUnavailable, int Replicas, int MinimumReady)
{
    /// <summary>Serving capacity lost during the rollout, in replicas.</summary>
    public int Dip => Replicas - MinimumReady;
}

/// <summary>
/// GPU pools rarely have a spare replica's worth of GPUs, and a rolling update that surges into a
/// full pool stalls with a Pending pod while the old ones keep running. So a surge is used only when
/// the plan shows room for one more replica (every other model still fitting); otherwise the rollout
/// replaces pods in place with maxUnavailable, and the dip in serving capacity is stated.
/// </summary>
public static class RolloutHeadroom
{
    public static RolloutDecision Decide(Bundle bundle, CapacityPlan plan, ModelPlan model)
    {
        var spec = model.Model.Spec;
        var replicas = model.Replicas;
        var fits = model.Fits && model.Layout is not null && replicas > 0 && SurgeFits(bundle, plan, model);
        var (surge, unavailable) = Requested(spec.Rollout, replicas);
        if (spec.Rollout?.Type == "Recreate")
        {
            return new RolloutDecision(model.Key, fits, 0, replicas, replicas, 0);
        }

        if (surge > 0 && !fits)
        {
            // No room for the surge pod: replace in place instead, at least one pod at a time.
            (surge, unavailable) = (0, Math.Max(1, unavailable));
        }

        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        var minimumReady = Math.Max(0, replicas - Math.Min(replicas, unavailable));
        return new RolloutDecision(model.Key, fits, surge, unavailable, replicas, minimumReady);
    }

    /// <summary>Whether one more replica of the model fits its pool after every model is planned.</summary>
    public static bool SurgeFits(Bundle bundle, CapacityPlan plan, ModelPlan model)
    {
        var grown = Copy(model.Model);
        if (grown.Spec.Autoscaling is { } scaling)
        {
            scaling.MaxReplicas++;
        }
        else
        {
            grown.Spec.Replicas++;
        }

        var trial = new Bundle
        {
            Policies = bundle.Policies,
            Profiles = bundle.Profiles,
            Pools = bundle.Pools,
            Models = [.. bundle.Models.Select(m => ReferenceEquals(m, model.Model) ? grown : m)],
            Catalogs = bundle.Catalogs,
            Nodes = bundle.Nodes,
            Namespaces = bundle.Namespaces,
        };
        var replanned = CapacityPlanner.Plan(trial);
        return plan.Models.Where(m => m.Fits).All(m => replanned.Find(m.Key)?.Fits == true);
    }

    /// <summary>The rollout's surge and unavailability in pods; percentages as the Deployment controller rounds them (surge up, unavailable down).</summary>
    private static (int Surge, int Unavailable) Requested(RolloutStrategy? rollout, int replicas) =>
        rollout is null
            ? (0, 1)
            : (Pods(rollout.MaxSurge?.Value, replicas, roundUp: true) ?? 0, Pods(rollout.MaxUnavailable?.Value, replicas, roundUp: false) ?? 1);

    private static int? Pods(string? value, int replicas, bool roundUp)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!value.EndsWith('%'))
        {
            return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var pods) ? pods : null;
        }

        if (!int.TryParse(value.AsSpan(0, value.Length - 1), System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return null;
        }

        var exact = replicas * percent / 100.0;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    private static ModelDeployment Copy(ModelDeployment model) =>
        KubernetesJson.Deserialize<ModelDeployment>(KubernetesJson.Serialize(model));
}
