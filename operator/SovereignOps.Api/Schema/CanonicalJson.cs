using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The canonical text of a JSON tree: compact, with every object's members in ordinal order and arrays
/// in their order, so documents that differ only in how a client ordered their maps hash alike. Written
/// straight from the tree; no sorted copy is built.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text as UTF-8.</summary>
    public static ReadOnlyMemory<byte> Utf8(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return buffer.WrittenMemory;
    }

    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(writer);
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
