namespace SovereignOps.Planning.Capacity;

/// <summary>Label selection as a pod's nodeSelector does it: every pair must be present on the node.</summary>
public static class NodeSelection
{
    public static bool Matches(IDictionary<string, string>? labels, IReadOnlyDictionary<string, string> selector) =>
        selector.All(pair => labels is not null && labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
