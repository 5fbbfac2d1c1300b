using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// Merges an apply configuration into a live object: objects field by field, keyed lists item by item,
/// sets by value, everything else (atomic lists, scalars) replaced. A null in the configuration unsets.
/// </summary>
internal static class ApplyMerge
{
    public static void Merge(JsonObject live, JsonObject applied, List<string> fieldPath, IListSchema schema)
    {
        foreach (var (key, value) in applied)
        {
            fieldPath.Add(key);
            if (value is null)
            {
                live.Remove(key);
            }
            else if (value is JsonObject appliedChild && live[key] is JsonObject liveChild)
            {
                Merge(liveChild, appliedChild, fieldPath, schema);
            }
            else if (value is JsonArray appliedList && live[key] is JsonArray liveList)
            {
                MergeList(liveList, appliedList, fieldPath, schema);
            }
            else
            {
                live[key] = value.DeepClone();
            }

            fieldPath.RemoveAt(fieldPath.Count - 1);
        }
    }

    private static void MergeList(JsonArray live, JsonArray applied, List<string> fieldPath, IListSchema schema)
    {
        var info = schema.ListAt(fieldPath);
        switch (info.Kind)
        {
            case ListKind.Set:
                foreach (var item in applied)
                {
                    if (!live.Any(existing => JsonNode.DeepEquals(existing, item)))
                    {
                        live.Add(item?.DeepClone());
                    }
                }

                return;
            case ListKind.Map:
                foreach (var item in applied)
                {
                    var match = item is JsonObject appliedItem
                        ? live.OfType<JsonObject>().FirstOrDefault(l => SameKey(l, appliedItem, info))
                        : null;
                    if (match is null)
                    {
                        live.Add(item?.DeepClone());
                    }
                    else
                    {
                        Merge(match, (JsonObject)item!, fieldPath, schema);
                    }
                }

                return;
            default:
                live.Clear();
                foreach (var item in applied)
                {
                    live.Add(item?.DeepClone());
                }

                return;
        }
    }

    private static bool SameKey(JsonObject live, JsonObject applied, ListInfo info) =>
        info.Keys.All(k => applied[k] is null || JsonNode.DeepEquals(live[k], applied[k]));
}
