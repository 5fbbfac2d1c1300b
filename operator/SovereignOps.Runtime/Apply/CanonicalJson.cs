using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SovereignOps.Runtime.Apply;

/// <summary>The applied-hash digest: a hash of the body's canonical JSON (<see cref="Api.Schema.CanonicalJson"/>).</summary>
internal static class CanonicalJson
{
    /// <summary>The first 16 hex digits of the SHA-256 of the canonical form.</summary>
    public static string Digest(JsonNode node)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Api.Schema.CanonicalJson.Utf8(node).Span, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
