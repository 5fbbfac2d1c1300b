using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// List semantics of a custom resource read from its openAPIV3Schema: x-kubernetes-list-type and
/// x-kubernetes-list-map-keys; lists without markers are atomic, as the API server treats them.
/// Metadata follows the built-in rules.
/// </summary>
internal sealed class CustomResourceListSchema(JsonObject? schema) : IListSchema
{
    private static readonly BuiltInListSchema Metadata = new("");

    public ListInfo ListAt(IReadOnlyList<string> fieldPath)
    {
        if (fieldPath is ["metadata", ..])
        {
            return Metadata.ListAt(fieldPath);
        }

        var node = Navigate(fieldPath);
        if (node is null)
        {
            return ListInfo.Atomic;
        }

        return node.GetString("x-kubernetes-list-type") switch
        {
            "set" => ListInfo.Set,
            "map" when node["x-kubernetes-list-map-keys"] is JsonArray keys && keys.Count > 0 =>
                ListInfo.MapBy([.. keys.Select(k => k?.GetValue<string>() ?? "")]),
            _ => ListInfo.Atomic,
        };
    }

    public bool IsMap(IReadOnlyList<string> fieldPath)
    {
        if (fieldPath is ["metadata", ..])
        {
            return Metadata.IsMap(fieldPath);
        }

        return Navigate(fieldPath) is { } node && node["additionalProperties"] is not null && node["properties"] is null;
    }

    /// <summary>The schema node of the field at the path (list items are stepped through).</summary>
    private JsonObject? Navigate(IReadOnlyList<string> fieldPath)
    {
        var node = schema;
        foreach (var field in fieldPath)
        {
            node = Unwrap(node);
            if (node is null)
            {
                return null;
            }

            node = node["properties"] is JsonObject properties && properties[field] is JsonObject child
                ? child
                : node["additionalProperties"] as JsonObject;
        }

        return node;
    }

    private static JsonObject? Unwrap(JsonObject? node)
    {
        while (node is not null && node.GetString("type") == "array")
        {
            node = node["items"] as JsonObject;
        }

        return node;
    }
}
