using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Runtime.Apply;

/// <summary>JSON with object members in ordinal order, so equal documents hash equally whatever order maps were filled in.</summary>
internal static class CanonicalJson
{
    /// <summary>
    /// The first 16 hex digits of the SHA-256 of the canonical form: the compact JSON text with every
    /// object's members in ordinal order. Written straight from the tree (no sorted copy is built),
    /// because every apply of every child computes it.
    /// </summary>
    public static string Digest(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The canonical text itself.</summary>
    public static string Text(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new string[obj.Count];
                var i = 0;
                foreach (var (name, _) in obj)
                {
                    names[i++] = name;
                }

                Array.Sort(names, StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (var name in names)
                {
                    writer.WritePropertyName(name);
                    Write(writer, obj[name]);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
