using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SovereignOps.Runtime.Apply;

/// <summary>JSON with object members in ordinal order, so equal documents hash equally whatever order maps were filled in.</summary>
internal static class CanonicalJson
{
    public static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>The first 16 hex digits of the SHA-256 of the canonical form.</summary>
    public static string Digest(JsonNode node)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Sort(node)!.ToJsonString()));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
