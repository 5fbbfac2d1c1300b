using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A metav1.LabelSelector (matchLabels and matchExpressions) as workload controllers read it from a spec.
/// An empty selector matches everything, a missing one nothing, as in the apimachinery conversion.
/// </summary>
internal sealed class LabelSelectorMatch
{
    public static readonly LabelSelectorMatch Nothing = new([], matchesNothing: true);

    private readonly ImmutableArray<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;
    private readonly bool _matchesNothing;

    private LabelSelectorMatch(ImmutableArray<Func<IReadOnlyDictionary<string, string>, bool>> requirements, bool matchesNothing)
    {
        _requirements = requirements;
        _matchesNothing = matchesNothing;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (_matchesNothing)
        {
            return false;
        }

        foreach (var requirement in _requirements)
        {
            if (!requirement(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A LabelSelector object (Deployments, ReplicaSets, StatefulSets, Jobs, PDBs).</summary>
    public static LabelSelectorMatch FromSelector(JsonNode? node)
    {
        if (node is not JsonObject selector)
        {
            return Nothing;
        }

        var requirements = ImmutableArray.CreateBuilder<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var (key, value) in (selector["matchLabels"] as JsonObject) ?? [])
        {
            var expected = value?.ToString() ?? "";
            requirements.Add(labels => labels.TryGetValue(key, out var actual) && actual == expected);
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var key = expression.GetString("key") ?? "";
            var values = expression.StringList("values").ToImmutableHashSet(StringComparer.Ordinal);
            Func<IReadOnlyDictionary<string, string>, bool>? requirement = expression.GetString("operator") switch
            {
                "In" => labels => labels.TryGetValue(key, out var v) && values.Contains(v),
                "NotIn" => labels => !labels.TryGetValue(key, out var v) || !values.Contains(v),
                "Exists" => labels => labels.ContainsKey(key),
                "DoesNotExist" => labels => !labels.ContainsKey(key),
                _ => null,
            };
            if (requirement is null)
            {
                return Nothing;
            }

            requirements.Add(requirement);
        }

        return new LabelSelectorMatch(requirements.ToImmutable(), matchesNothing: false);
    }

    /// <summary>A Service's selector: a plain map, where an empty or missing map selects no pods.</summary>
    public static LabelSelectorMatch FromMap(JsonNode? node) =>
        node is JsonObject { Count: > 0 } map ? FromSelector(new JsonObject { ["matchLabels"] = map.DeepClone() }) : Nothing;
}
