namespace SovereignOps.Planning.Capacity;

/// <summary>
/// The result of asking a pool for every replica of a model: all of them are placed, or none is and
/// <see cref="Shortfall"/> says by how much the pool falls short.
/// </summary>
/// <param name="ReplicaNodes">For each placed replica, the nodes its pods are planned on.</param>
public sealed record AllocationOutcome(IReadOnlyList<IReadOnlyList<string>> ReplicaNodes, string? Shortfall)
{
    public bool Allocated => Shortfall is null;
}
