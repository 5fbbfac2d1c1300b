using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Agents;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;
using SovereignOps.Planning.Placement;

namespace SovereignOps.Planning;

/// <summary>
/// Plans a validated bundle: capacity across every pool, then per profile (by name) the placement of
/// each model and approved agent, the model each agent calls, and the residency checks that need
/// no rendering. Pure: the same bundle gives the same plan.
/// </summary>
public static class BundlePlanner
{
    public const string ApprovedState = "Approved";

    public static BundlePlan Plan(Bundle bundle)
    {
        var capacity = CapacityPlanner.Plan(bundle);
        var problems = new List<PlanProblem>();
        var residency = new List<Violation>();
        var profiles = new List<ProfilePlan>();

        foreach (var model in capacity.Models.Where(m => !m.Fits))
        {
            problems.Add(new PlanProblem($"{model.Model.Kind} {model.Key}", model.Problem!));
        }

        foreach (var profile in bundle.Profiles.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            var policy = bundle.FindPolicy(profile.Spec.ResidencyPolicyRef.Name);
            if (policy is null)
            {
                problems.Add(new PlanProblem($"{profile.Kind} {profile.Key}",
                    $"residency policy {profile.Spec.ResidencyPolicyRef.Name} is not in the bundle"));
                continue;
            }

            var plan = PlanProfile(profile, policy, bundle, capacity);
            profiles.Add(plan);
            foreach (var agent in plan.Agents)
            {
                if ((agent.Binding.Problem ?? agent.Placement.Problem) is { } problem)
                {
                    problems.Add(new PlanProblem($"agent {agent.Key}", problem));
                }
            }

            residency.AddRange(plan.Models.SelectMany(m => PlanGuard.CheckModel(plan.GuardContext, m.Capacity, m.Placement)));
            residency.AddRange(ApprovedEntries(bundle, profile).SelectMany(e => PlanGuard.CheckAgent(plan.GuardContext, e.Catalog, e.Index)));
        }

        problems.AddRange(Orphans(bundle));
        return new BundlePlan(capacity, profiles, problems, residency);
    }

    private static ProfilePlan PlanProfile(SovereignProfile profile, DataResidencyPolicy policy, Bundle bundle, CapacityPlan capacity)
    {
        var tenant = profile.Spec.TenantNamespace;
        var models = capacity.Models
            .Where(m => m.Model.Metadata.NamespaceProperty == tenant)
            .Select(m => new PlannedModel(m, m.Pool is null ? null : PlacementPlanner.ForModel(policy, profile, m.Pool, m.Model.Spec.DataClass)))
            .ToList();
        var agents = ApprovedEntries(bundle, profile)
            .Select(e =>
            {
                var binding = AgentBinder.Bind(e.Catalog, e.Entry, capacity);
                return new PlannedAgent(e.Catalog, e.Entry, binding, PlacementPlanner.ForWorkload(policy, profile, e.Entry.DataClasses, binding.Model?.Pool));
            })
            .ToList();
        var usedPools = models.Select(m => m.Capacity.PoolName).ToHashSet(StringComparer.Ordinal);
        var pools = capacity.Pools
            .Where(p => p.Pool.Spec.ProfileRef.Name == profile.Metadata.Name || usedPools.Contains(p.Name))
            .ToList();
        return new ProfilePlan(profile, policy, models, agents, pools);
    }

    private static IEnumerable<(AgentCatalog Catalog, AgentEntry Entry, int Index)> ApprovedEntries(Bundle bundle, SovereignProfile profile) =>
        bundle.Catalogs
            .Where(c => c.Metadata.NamespaceProperty == profile.Spec.TenantNamespace)
            .OrderBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .SelectMany(c => c.Spec.Agents.Select((entry, index) => (Catalog: c, Entry: entry, Index: index)))
            .Where(e => e.Entry.Approval.State == ApprovedState);

    /// <summary>Models and catalogs in a namespace that is no profile's tenant namespace: nothing would deploy them.</summary>
    private static IEnumerable<PlanProblem> Orphans(Bundle bundle)
    {
        var tenants = bundle.Profiles.Select(p => p.Spec.TenantNamespace).ToHashSet(StringComparer.Ordinal);
        var models = bundle.Models.Where(m => !tenants.Contains(m.Metadata.NamespaceProperty ?? string.Empty)).Select(m => (m.Kind, m.Key));
        var catalogs = bundle.Catalogs.Where(c => !tenants.Contains(c.Metadata.NamespaceProperty ?? string.Empty)).Select(c => (c.Kind, c.Key));
        return models.Concat(catalogs)
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new PlanProblem($"{o.Kind} {o.Key}", "its namespace is no profile's tenant namespace"));
    }
}
