using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test on RFC 6901 pointers.</summary>
public static class JsonPatch
{
    public static ApiResult<JsonObject> Apply(JsonObject target, JsonArray operations)
    {
        JsonNode root = target;
        foreach (var item in operations)
        {
            if (item is not JsonObject operation || operation.GetString("op") is not { } op || operation.GetString("path") is not { } path)
            {
                return ApiError.BadRequest("each JSON patch operation needs \"op\" and \"path\"");
            }

            var error = op switch
            {
                "add" => Add(root, path, operation["value"]?.DeepClone()),
                "remove" => Remove(root, path, out _),
                "replace" => Replace(root, path, operation["value"]?.DeepClone()),
                "move" => Move(root, operation.GetString("from"), path),
                "copy" => Copy(root, operation.GetString("from"), path),
                "test" => Test(root, path, operation["value"]),
                _ => $"unexpected kind: {op}",
            };
            if (error is not null)
            {
                return new ApiError(422, "Invalid", $"the server rejected our request due to an error in our request: {error}");
            }
        }

        return target;
    }

    private static string? Add(JsonNode root, string path, JsonNode? value)
    {
        if (!TryParent(root, path, out var parent, out var token))
        {
            return $"add operation does not apply: doc is missing path: \"{path}\"";
        }

        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                return null;
            case JsonArray array when token == "-":
                array.Add(value);
                return null;
            case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= array.Count:
                array.Insert(index, value);
                return null;
            default:
                return $"add operation does not apply: doc is missing path: \"{path}\"";
        }
    }

    private static string? Remove(JsonNode root, string path, out JsonNode? removed)
    {
        removed = null;
        if (!TryParent(root, path, out var parent, out var token))
        {
            return $"remove operation does not apply: doc is missing path: \"{path}\"";
        }

        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(token):
                removed = obj[token];
                obj.Remove(token);
                return null;
            case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                return null;
            default:
                return $"remove operation does not apply: doc is missing path: \"{path}\"";
        }
    }

    private static string? Replace(JsonNode root, string path, JsonNode? value)
    {
        var removal = Remove(root, path, out _);
        return removal is null ? Add(root, path, value) : $"replace operation does not apply: doc is missing key: {path}";
    }

    private static string? Move(JsonNode root, string? from, string path)
    {
        if (from is null)
        {
            return "move operation needs \"from\"";
        }

        var removal = Remove(root, from, out var value);
        return removal ?? Add(root, path, value);
    }

    private static string? Copy(JsonNode root, string? from, string path)
    {
        if (from is null || Resolve(root, from) is not { } found)
        {
            return $"copy operation does not apply: doc is missing from path: {from}";
        }

        return Add(root, path, found.Value?.DeepClone());
    }

    private static string? Test(JsonNode root, string path, JsonNode? expected) =>
        Resolve(root, path) is { } found && JsonNode.DeepEquals(found.Value, expected)
            ? null
            : $"testing value {path} failed";

    private static (JsonNode? Value, bool Exists)? Resolve(JsonNode root, string path)
    {
        if (path.Length == 0)
        {
            return (root, true);
        }

        if (!TryParent(root, path, out var parent, out var token))
        {
            return null;
        }

        return parent switch
        {
            JsonObject obj when obj.TryGetPropertyValue(token, out var value) => (value, true),
            JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => (array[index], true),
            _ => null,
        };
    }

    private static bool TryParent(JsonNode root, string path, out JsonNode? parent, out string token)
    {
        parent = null;
        token = "";
        if (!path.StartsWith('/'))
        {
            return false;
        }

        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? node = root;
        foreach (var step in tokens[..^1])
        {
            node = node switch
            {
                JsonObject obj => obj[step],
                JsonArray array when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        parent = node;
        token = tokens[^1];
        return true;
    }
}
