using System.Text.Json.Nodes;

namespace SovereignOps.Runtime.Status;

/// <summary>
/// Computes an RFC 7386 merge patch that turns one JSON document into another: changed values are
/// set, vanished members become null, nested objects are diffed and arrays are replaced whole
/// (merge patches cannot address array items).
/// </summary>
public static class JsonMergePatch
{
    /// <summary>The patch from <paramref name="from"/> to <paramref name="to"/>; false when they are equal and there is nothing to send.</summary>
    public static bool TryDiff(JsonNode? from, JsonNode? to, out JsonNode? patch)
    {
        if (from is JsonObject source && to is JsonObject target)
        {
            var members = new JsonObject();
            foreach (var (name, value) in target)
            {
                if (!source.TryGetPropertyValue(name, out var old))
                {
                    members[name] = value?.DeepClone();
                }
                else if (TryDiff(old, value, out var change))
                {
                    members[name] = change;
                }
            }

            foreach (var (name, _) in source)
            {
                if (!target.ContainsKey(name))
                {
                    members[name] = null;
                }
            }

            patch = members;
            return members.Count > 0;
        }

        patch = to?.DeepClone();
        return !JsonNode.DeepEquals(from, to);
    }
}
