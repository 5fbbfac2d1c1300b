using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Apply;

namespace SovereignOps.Sandbox.Patching;

/// <summary>
/// Kubernetes strategic merge patch for built-in kinds: lists with a patchMergeKey merge item by item,
/// merge-strategy primitive lists take the union, other lists are replaced. Understands the directives
/// kubectl emits: <c>$patch</c> (replace, delete, merge), <c>$retainKeys</c>,
/// <c>$setElementOrder/field</c> and <c>$deleteFromPrimitiveList/field</c>.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static ApiResult<JsonObject> Apply(JsonObject target, JsonObject patch, IListSchema schema)
    {
        var result = MergeObject(target, patch, [], schema);
        return result is JsonObject obj ? obj : ApiError.BadRequest("a strategic merge patch may not delete the whole object");
    }

    /// <summary>Returns the merged object, or null when the patch deletes it.</summary>
    private static JsonObject? MergeObject(JsonObject target, JsonObject patch, List<string> path, IListSchema schema)
    {
        switch (patch.GetString(PatchDirective))
        {
            case "delete":
                return null;
            case "replace":
                var replacement = (JsonObject)patch.DeepClone();
                replacement.Remove(PatchDirective);
                return replacement;
            default:
                break;
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            path.Add(key);
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild)
            {
                var existing = target[key] as JsonObject;
                var merged = MergeObject(existing ?? new JsonObject(), patchChild, path, schema);
                if (merged is null)
                {
                    target.Remove(key);
                }
                else if (!ReferenceEquals(merged, existing))
                {
                    target[key] = merged;
                }
            }
            else if (value is JsonArray patchList)
            {
                target[key] = MergeList(target[key] as JsonArray, patchList, path, schema);
            }
            else
            {
                target[key] = value.DeepClone();
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && value is JsonArray doomed)
            {
                var field = key[DeleteFromPrimitiveList.Length..];
                if (target[field] is JsonArray list)
                {
                    RemoveWhere(list, item => doomed.Any(d => JsonNode.DeepEquals(d, item)));
                }
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                if (target[field] is JsonArray list)
                {
                    path.Add(field);
                    Reorder(list, order, schema.ListAt(path).MergeKey);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(JsonArray? target, JsonArray patch, List<string> path, IListSchema schema)
    {
        var info = schema.ListAt(path);
        var replaceWhole = patch.OfType<JsonObject>().Any(o => o.GetString(PatchDirective) == "replace");
        if (target is null || replaceWhole || (info.MergeKey is null && info.Kind != ListKind.Set))
        {
            return new JsonArray([.. patch.Where(i => i is not JsonObject o || o.GetString(PatchDirective) is null).Select(i => i?.DeepClone())]);
        }

        var result = (JsonArray)target.DeepClone();
        if (info.Kind == ListKind.Set || info.MergeKey is null)
        {
            foreach (var item in patch)
            {
                if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
                {
                    result.Add(item?.DeepClone());
                }
            }

            return result;
        }

        var mergeKey = info.MergeKey;
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                result.Add(item?.DeepClone());
                continue;
            }

            var key = patchItem[mergeKey];
            var index = IndexOf(result, mergeKey, key);
            if (patchItem.GetString(PatchDirective) == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index < 0)
            {
                var added = (JsonObject)patchItem.DeepClone();
                added.Remove(PatchDirective);
                result.Add(MergeObject(new JsonObject(), added, path, schema));
                continue;
            }

            var existingItem = (JsonObject)result[index]!;
            var merged = MergeObject(existingItem, patchItem, path, schema);
            if (merged is null)
            {
                result.RemoveAt(index);
            }
            else if (!ReferenceEquals(merged, existingItem))
            {
                result[index] = merged;
            }
        }

        return result;
    }

    /// <summary>Puts the listed items first in the given order; unlisted items keep their relative order after them.</summary>
    private static void Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        var items = list.Select(i => i?.DeepClone()).ToList();
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var match = items.FindIndex(item => mergeKey is not null && item is JsonObject o && wanted is JsonObject w
                ? JsonNode.DeepEquals(o[mergeKey], w[mergeKey])
                : JsonNode.DeepEquals(item, wanted));
            if (match >= 0)
            {
                ordered.Add(items[match]);
                items.RemoveAt(match);
            }
        }

        ordered.AddRange(items);
        list.Clear();
        foreach (var item in ordered)
        {
            list.Add(item);
        }
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode? key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject item && JsonNode.DeepEquals(item[mergeKey], key))
            {
                return i;
            }
        }

        return -1;
    }

    private static void RemoveWhere(JsonArray list, Func<JsonNode?, bool> predicate)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (predicate(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }
}
