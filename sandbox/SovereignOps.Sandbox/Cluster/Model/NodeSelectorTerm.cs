using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>One requirement of a node selector term: a label (or field) key, an operator and values.</summary>
public sealed record NodeSelectorRequirement(string Key, string Operator, ImmutableArray<string> Values)
{
    public bool Matches(string? actual) => Operator switch
    {
        "In" => actual is not null && Values.Contains(actual),
        "NotIn" => actual is null || !Values.Contains(actual),
        "Exists" => actual is not null,
        "DoesNotExist" => actual is null,
        "Gt" => Compare(actual) is > 0,
        "Lt" => Compare(actual) is < 0,
        _ => false,
    };

    /// <summary>Gt and Lt compare integers; a label or value that is not one never matches.</summary>
    private int? Compare(string? actual) =>
        actual is not null && Values.Length == 1
        && long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left)
        && long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : null;

    internal static ImmutableArray<NodeSelectorRequirement> ListFrom(JsonNode? node) =>
        node is JsonArray items
            ? [.. items.OfType<JsonObject>().Select(r => new NodeSelectorRequirement(r.GetString("key") ?? "", r.GetString("operator") ?? "", [.. r.StringList("values")]))]
            : [];
}

/// <summary>
/// A node selector term: its label expressions and its field expressions (only metadata.name exists) all
/// hold. A term with neither matches no node, as in the API.
/// </summary>
public sealed record NodeSelectorTerm(ImmutableArray<NodeSelectorRequirement> MatchExpressions, ImmutableArray<NodeSelectorRequirement> MatchFields)
{
    public bool Matches(string nodeName, IReadOnlyDictionary<string, string> labels)
    {
        if (MatchExpressions.IsEmpty && MatchFields.IsEmpty)
        {
            return false;
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels.TryGetValue(requirement.Key, out var value) ? value : null))
            {
                return false;
            }
        }

        foreach (var requirement in MatchFields)
        {
            if (!requirement.Matches(requirement.Key == "metadata.name" ? nodeName : null))
            {
                return false;
            }
        }

        return true;
    }

    internal static NodeSelectorTerm From(JsonObject term) =>
        new(NodeSelectorRequirement.ListFrom(term["matchExpressions"]), NodeSelectorRequirement.ListFrom(term["matchFields"]));
}

/// <summary>A preferred scheduling term: a weight (1–100) earned by nodes the term matches.</summary>
public sealed record WeightedNodeSelectorTerm(int Weight, NodeSelectorTerm Preference);
