using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Cli.Commands;

public enum FieldChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One leaf that differs; values are JSON text, null on the side where the field is absent.</summary>
public sealed record FieldChange(string Path, FieldChangeKind Kind, string? Before, string? After)
{
    public override string ToString() => Kind switch
    {
        FieldChangeKind.Added => $"+ {Path}: {After}",
        FieldChangeKind.Removed => $"- {Path}: {Before}",
        _ => $"~ {Path}: {Before} -> {After}",
    };
}

/// <summary>
/// A field-by-field comparison of two versions of one object, leaf by leaf, with paths written as
/// validation messages write them (<c>spec.modalities[1]</c>, <c>metadata.labels["app.kubernetes.io/name"]</c>).
/// Fields the server maintains (resourceVersion, managedFields, uid, timestamps, generation) and the
/// status, which applying a spec never changes, are not compared.
/// </summary>
public static class FieldDiff
{
    private static readonly HashSet<string> ServerMetadata = ["managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink"];

    public static IReadOnlyList<FieldChange> Compare(JsonObject? before, JsonObject? after)
    {
        var changes = new List<FieldChange>();
        Walk(Strip(before), Strip(after), FieldPath.Root, changes);
        return changes;
    }

    private static JsonObject? Strip(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (null, null):
                return;
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(p => p.Key).Union(right.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Walk(left[name], right[name], FieldPath.Child(path, name), changes);
                }

                return;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    Walk(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, FieldPath.Index(path, i), changes);
                }

                return;
            case (null, _):
                Leaves(after!, path, (p, v) => changes.Add(new FieldChange(p, FieldChangeKind.Added, null, v)));
                return;
            case (_, null):
                Leaves(before!, path, (p, v) => changes.Add(new FieldChange(p, FieldChangeKind.Removed, v, null)));
                return;
            default:
                var (beforeText, afterText) = (before!.ToJsonString(), after!.ToJsonString());
                if (beforeText != afterText)
                {
                    changes.Add(new FieldChange(path, FieldChangeKind.Changed, beforeText, afterText));
                }

                return;
        }
    }

    private static void Leaves(JsonNode node, string path, Action<string, string> add)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (name, value) in obj)
                {
                    if (value is not null)
                    {
                        Leaves(value, FieldPath.Child(path, name), add);
                    }
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Leaves(item, FieldPath.Index(path, i), add);
                    }
                }

                break;
            default:
                add(path, node.ToJsonString());
                break;
        }
    }
}
