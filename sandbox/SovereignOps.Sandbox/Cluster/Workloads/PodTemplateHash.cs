using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Api.Schema;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The pod-template-hash of a Deployment's ReplicaSets and the revision hash of a StatefulSet: FNV-1a (32 bit)
/// over the template plus the collision count, the decimal number then spelled in the name-safe alphabet, as
/// the controller-manager does. Keys are hashed in sorted order, so the value depends on the template's content
/// only, not on how a client ordered its fields.
/// </summary>
public static class PodTemplateHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static string Compute(JsonNode? template, long collisionCount = 0)
    {
        var hash = OffsetBasis;
        foreach (var b in CanonicalJson.Utf8(template).Span)
        {
            hash = (hash ^ b) * Prime;
        }

        if (collisionCount > 0)
        {
            foreach (var b in Encoding.ASCII.GetBytes(collisionCount.ToString(CultureInfo.InvariantCulture)))
            {
                hash = (hash ^ b) * Prime;
            }
        }

        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Maps each character to the alphabet by its code, the way the API machinery makes hashes name-safe.</summary>
    public static string SafeEncode(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = RandomSuffix.Alphabet[text[i] % RandomSuffix.Alphabet.Length];
        }

        return new string(chars);
    }
}
