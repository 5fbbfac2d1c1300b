using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Agents;

/// <summary>The model an agent calls, or why it has none.</summary>
public sealed record AgentBinding(ModelPlan? Model, string? Problem)
{
    public bool Bound => Model is not null && Problem is null;
}
