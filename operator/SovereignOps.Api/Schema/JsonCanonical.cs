using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// A canonical text for JSON values (object keys sorted, numbers normalised so 1 and 1.0 agree), used
/// as a hash key for enums, sets and list-map keys so uniqueness checks stay linear.
/// </summary>
internal static class JsonCanonical
{
    public static string Of(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    public static void Write(JsonNode? node, StringBuilder builder)
    {
        switch (JsonKinds.Kind(node))
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var array = node!.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(array[i], builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.Number:
                if (JsonNumber.TryRead(node, out var number))
                {
                    builder.Append(number.IsInteger
                        ? number.Integer.ToString(CultureInfo.InvariantCulture)
                        : number.Double.ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            case JsonValueKind.String:
                builder.Append(JsonSerializer.Serialize(node!.GetValue<string>()));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
