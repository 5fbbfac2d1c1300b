using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Api;

/// <summary>Small accessors for Kubernetes objects held as <see cref="JsonObject"/>.</summary>
public static class JsonObjects
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? GetString(this JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static long? GetLong(this JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue<long>(out var l) ? l : null;

    /// <summary>Reads a dotted path such as <c>spec.replicas</c>; null when any step is missing.</summary>
    public static JsonNode? At(this JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var part in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static List<string> StringList(this JsonObject obj, string property) =>
        obj[property] is JsonArray array
            ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")]
            : [];

    public static JsonArray ToJsonArray(this IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>A deep copy of an object without the listed top-level properties (for spec comparisons).</summary>
    public static JsonObject Without(this JsonObject obj, params string[] properties)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!properties.Contains(key))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }
}
