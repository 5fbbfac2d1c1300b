using k8s.Models;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Where pods run, exactly as the planner computed it: the charts copy each member verbatim into
/// every pod spec, so the residency guard can check what the planner decided.
/// </summary>
public sealed record PlacementValues
{
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>The pod's node affinity; an empty object renders no affinity.</summary>
    public V1NodeAffinity NodeAffinity { get; init; } = new();

    public IReadOnlyList<V1Toleration> Tolerations { get; init; } = [];
}
