using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Agents;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;
using SovereignOps.Planning.Placement;

namespace SovereignOps.Planning;

/// <summary>A model's capacity plan and where its pods may run.</summary>
public sealed record PlannedModel(ModelPlan Capacity, PlacementResult? Placement)
{
    public ModelDeployment Model => Capacity.Model;
}

/// <summary>An approved catalog entry, the model it calls, and where its pods may run.</summary>
public sealed record PlannedAgent(AgentCatalog Catalog, AgentEntry Entry, AgentBinding Binding, PlacementResult Placement)
{
    /// <summary><c>namespace/catalog/entry</c>.</summary>
    public string Key => $"{Catalog.Key}/{Entry.Name}";
}

/// <summary>Everything planned for one customer.</summary>
public sealed record ProfilePlan(
    SovereignProfile Profile,
    DataResidencyPolicy Policy,
    IReadOnlyList<PlannedModel> Models,
    IReadOnlyList<PlannedAgent> Agents,
    IReadOnlyList<PoolPlan> Pools)
{
    public string Name => Profile.Metadata.Name ?? string.Empty;

    public GuardContext GuardContext => new(Policy, Profile);
}

/// <summary>Something that stops the bundle from being deployed that is not a residency rule: a model that does not fit, an agent without a model, a dangling reference.</summary>
/// <param name="Subject">What it is about, e.g. <c>ModelDeployment gov-th/typhoon</c>.</param>
public sealed record PlanProblem(string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";
}

/// <summary>The plan of a whole bundle: capacity across every pool, per-profile placement and bindings, and the verdict.</summary>
public sealed record BundlePlan(
    CapacityPlan Capacity,
    IReadOnlyList<ProfilePlan> Profiles,
    IReadOnlyList<PlanProblem> Problems,
    IReadOnlyList<Violation> Residency)
{
    public bool Succeeded => Problems.Count == 0 && Residency.Count == 0;
}
