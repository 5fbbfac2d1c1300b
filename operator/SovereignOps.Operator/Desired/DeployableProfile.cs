using SovereignOps.Planning;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// A profile's plan cut down to what may be deployed: models that fit with a placement and no
/// residency finding, and approved agents bound to one of those models. What is left out gets a
/// condition saying why; nothing of it is rendered, and the tenant's quotas and storefront are
/// computed without it, exactly as the CLI would compute them for a bundle without it.
/// </summary>
public sealed record DeployableProfile(ProfilePlan Plan, ProfilePlan Full)
{
    public static DeployableProfile From(ProfilePlan profile, BundlePlan bundle)
    {
        var models = profile.Models.Where(m => IsDeployable(m, bundle.Residency)).ToList();
        var deployed = models.Select(m => m.Model.Key).ToHashSet(StringComparer.Ordinal);
        var agents = profile.Agents
            .Where(a => a.Binding.Bound && a.Placement.Problem is null && deployed.Contains(a.Binding.Model!.Key)
                && !AgentViolations(a, bundle.Residency).Any())
            .ToList();
        return new DeployableProfile(profile with { Models = models, Agents = agents }, profile);
    }

    public string Name => Plan.Name;

    public bool Deploys(PlannedModel model) => Plan.Models.Any(m => m.Model.Key == model.Model.Key);

    public static IEnumerable<Violation> AgentViolations(PlannedAgent agent, IEnumerable<Violation> residency)
    {
        var index = agent.Catalog.Spec.Agents.IndexOf(agent.Entry);
        return residency.Where(v => v.Object.Kind == agent.Catalog.Kind
            && v.Object.Namespace == agent.Catalog.Metadata.NamespaceProperty
            && v.Object.Name == agent.Catalog.Metadata.Name
            && v.FieldPath.StartsWith($"spec.agents[{index}].", StringComparison.Ordinal));
    }

    private static bool IsDeployable(PlannedModel model, IEnumerable<Violation> residency) =>
        model.Capacity.Fits
        && model.Capacity.Layout is not null
        && model.Placement is { Problem: null }
        && !residency.Any(v => v.Object.Kind == model.Model.Kind
            && v.Object.Namespace == model.Model.Metadata.NamespaceProperty
            && v.Object.Name == model.Model.Metadata.Name);
}
