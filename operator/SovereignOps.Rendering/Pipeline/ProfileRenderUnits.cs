using SovereignOps.Planning;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>Every chart render of one planned profile: its tenant baseline, each model, each approved bound agent.</summary>
public static class ProfileRenderUnits
{
    /// <summary>The units with every model's rollout rendered as requested.</summary>
    public static IReadOnlyList<RenderUnit> For(ProfilePlan profile) => For(profile, surgeFits: null);

    /// <param name="surgeFits">Whether a model's pool has room for a surge replica; null renders the requested rollout unchanged.</param>
    public static IReadOnlyList<RenderUnit> For(ProfilePlan profile, Func<PlannedModel, bool>? surgeFits)
    {
        var models = profile.Models
            .OrderBy(m => m.Model.Metadata.Name, StringComparer.Ordinal)
            .Select(m => new RenderUnit($"{m.Model.Kind} {m.Model.Key}", ModelValuesBuilder.Build(m, profile, surgeFits is null ? null : () => surgeFits(m)), m.Capacity.Pool, [m.Model.Spec.DataClass]))
            .ToList();
        var agentPlans = profile.Agents.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var agentValues = agentPlans.Select(a => AgentValuesBuilder.Build(a, profile)).ToList();
        var agents = agentPlans.Zip(agentValues, (plan, values) => new RenderUnit(
            $"agent {plan.Key}",
            values,
            plan.Placement.Placement?.Pool is { } pool ? profile.Pools.FirstOrDefault(p => p.Name == pool)?.Pool : null,
            plan.Entry.DataClasses));

        TenantChartValues tenant = TenantValuesBuilder.Build(profile, agentValues);
        return [new RenderUnit($"{profile.Profile.Kind} {profile.Name}", tenant, null, []), .. models, .. agents];
    }
}
