using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Finds the old value that corresponds to a new one on update, the way the API server correlates
/// them for transition rules and ratcheting: by property name, by map key, and by key fields in lists
/// of <c>x-kubernetes-list-type: map</c>. Items of other lists have no old counterpart.
/// </summary>
internal static class OldValues
{
    public static (JsonNode? Old, bool HasOld) Property(JsonNode? oldParent, bool parentHasOld, string name) =>
        parentHasOld && oldParent is JsonObject oldObject && oldObject.TryGetPropertyValue(name, out var old)
            ? (old, true)
            : (null, false);

    /// <summary>An index from list-map keys to old items, or null when items of this list do not correlate.</summary>
    public static Dictionary<string, JsonNode?>? IndexListMap(SchemaNode schema, JsonNode? oldList, bool hasOld)
    {
        if (!hasOld || schema.ListType != "map" || schema.ListMapKeys.Count == 0 || oldList is not JsonArray array)
        {
            return null;
        }

        var index = new Dictionary<string, JsonNode?>(array.Count, StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is JsonObject entry)
            {
                index.TryAdd(ListMapKey(schema, entry), item);
            }
        }

        return index;
    }

    /// <summary>The canonical text of an entry's key fields, for uniqueness and correlation.</summary>
    public static string ListMapKey(SchemaNode schema, JsonObject entry)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var name in schema.ListMapKeys)
        {
            builder.Append(name).Append('=');
            JsonCanonical.Write(entry.TryGetPropertyValue(name, out var part) ? part : null, builder);
            builder.Append(';');
        }

        return builder.ToString();
    }
}
