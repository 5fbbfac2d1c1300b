using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// The cluster as the planner sees it at one moment: which objects are valid, the capacity plan of
/// every pool, and per profile what may be rendered. Pure and immutable: every reconciler working
/// from the same cluster state reads the same view.
/// </summary>
public sealed class ClusterView
{
    private readonly Dictionary<string, DeployableProfile> _profiles;

    public ClusterView(Bundle bundle)
    {
        Bundle = bundle;
        Validation = ValidatedBundle.From(bundle);
        Plan = BundlePlanner.Plan(Validation.Valid);
        _profiles = Plan.Profiles.ToDictionary(p => p.Name, p => DeployableProfile.From(p, Plan), StringComparer.Ordinal);
    }

    /// <summary>Everything read from the cluster, valid or not.</summary>
    public Bundle Bundle { get; }

    public ValidatedBundle Validation { get; }

    public BundlePlan Plan { get; }

    public DeployableProfile? Profile(string name) => _profiles.GetValueOrDefault(name);

    /// <summary>The deployable profile whose tenant namespace is <paramref name="ns"/>.</summary>
    public DeployableProfile? ProfileForNamespace(string? ns) =>
        _profiles.Values.FirstOrDefault(p => p.Plan.Profile.Spec.TenantNamespace == ns);

    public ModelPlan? ModelPlan(ModelDeployment model) => Plan.Capacity.Find(model.Key);

    public PoolPlan? PoolPlan(string name) => Plan.Capacity.FindPool(name);

    /// <summary>Whether the model's pool has room for a surge replica during a rollout, decided as the CLI's render decides it.</summary>
    public bool SurgeFits(PlannedModel model) => RolloutHeadroom.SurgeFits(Validation.Valid, Plan.Capacity, model.Capacity);

    /// <summary>Residency violations found while planning, about the object with this kind and key.</summary>
    public IEnumerable<Violation> PlanViolations(string kind, string? ns, string name) =>
        Plan.Residency.Where(v => v.Object.Kind == kind && v.Object.Namespace == (ns ?? string.Empty) && v.Object.Name == name);
}
