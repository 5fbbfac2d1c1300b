namespace SovereignOps.Planning.Capacity;

/// <summary>Every model's plan, in accounting order, and every pool's final usage, by name.</summary>
public sealed record CapacityPlan(IReadOnlyList<ModelPlan> Models, IReadOnlyList<PoolPlan> Pools)
{
    public bool Fits => Models.All(m => m.Fits);

    public ModelPlan? Find(string modelKey) => Models.FirstOrDefault(m => m.Key == modelKey);

    public PoolPlan? FindPool(string name) => Pools.FirstOrDefault(p => p.Name == name);
}
