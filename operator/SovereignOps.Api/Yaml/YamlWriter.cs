using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Writes a JSON value as block-style YAML that <see cref="YamlDocumentReader"/> (and so kubectl)
/// reads back as the same JSON: a string stays a string however it looks (<c>"true"</c>,
/// <c>"0x1F"</c>, <c>"yes"</c> are quoted), multi-line text becomes a literal block, and empty maps
/// and lists are kept (<c>emptyDir: {}</c> means something). Keys keep their order, so equal input
/// gives equal bytes. No reflection: the input is already JSON.
/// </summary>
public static class YamlWriter
{
    private const int Indent = 2;

    /// <summary>The YAML text of <paramref name="root"/>, ending with a newline.</summary>
    public static string Write(JsonElement root)
    {
        var text = new StringBuilder();
        Write(text, root);
        return text.ToString();
    }

    /// <summary>Appends the YAML text of <paramref name="root"/>, ending with a newline.</summary>
    public static void Write(StringBuilder text, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (root.ValueKind)
        {
            case JsonValueKind.Object when HasProperties(root):
                WriteObject(text, root, 0);
                break;
            case JsonValueKind.Array when root.GetArrayLength() > 0:
                WriteArray(text, root, 0);
                break;
            default:
                WriteInline(text, root, Indent);
                text.Append('\n');
                break;
        }
    }

    private static void WriteObject(StringBuilder text, JsonElement obj, int indent)
    {
        var first = true;
        foreach (var property in obj.EnumerateObject())
        {
            // The first property of an object that is a list item shares the "- " line.
            if (!first || indent == 0 || text.Length == 0 || text[^1] == '\n')
            {
                text.Append(' ', indent);
            }

            first = false;
            AppendString(text, property.Name, indent, asKey: true);
            text.Append(':');
            WriteMember(text, property.Value, indent);
        }
    }

    private static void WriteArray(StringBuilder text, JsonElement array, int indent)
    {
        foreach (var item in array.EnumerateArray())
        {
            text.Append(' ', indent).Append('-');
            switch (item.ValueKind)
            {
                case JsonValueKind.Object when HasProperties(item):
                    text.Append(' ');
                    WriteObject(text, item, indent + Indent);
                    break;
                case JsonValueKind.Array when item.GetArrayLength() > 0:
                    text.Append('\n');
                    WriteArray(text, item, indent + Indent);
                    break;
                default:
                    text.Append(' ');
                    WriteInline(text, item, indent + Indent);
                    text.Append('\n');
                    break;
            }
        }
    }

    /// <summary>The value after "key:"; nested collections go on the following lines.</summary>
    private static void WriteMember(StringBuilder text, JsonElement value, int indent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when HasProperties(value):
                text.Append('\n');
                WriteObject(text, value, indent + Indent);
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                // Kubernetes style: list items at the key's own indentation.
                text.Append('\n');
                WriteArray(text, value, indent);
                break;
            default:
                text.Append(' ');
                WriteInline(text, value, indent + Indent);
                text.Append('\n');
                break;
        }
    }

    /// <summary>A scalar, an empty collection, or a string (possibly a literal block indented by <paramref name="indent"/>).</summary>
    private static void WriteInline(StringBuilder text, JsonElement value, int indent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append("{}");
                break;
            case JsonValueKind.Array:
                text.Append("[]");
                break;
            case JsonValueKind.String:
                AppendString(text, value.GetString()!, indent, asKey: false);
                break;
            case JsonValueKind.Number:
                text.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value, int indent, bool asKey)
    {
        if (IsPlainSafe(value))
        {
            text.Append(value);
        }
        else if (!asKey && IsLiteralSafe(value))
        {
            AppendLiteral(text, value, indent);
        }
        else
        {
            AppendDoubleQuoted(text, value);
        }
    }

    /// <summary>
    /// Plain (unquoted) only for text made of ordinary characters that no YAML rule reads as anything
    /// but this string: not a number, boolean or null in kubectl's reading, no indicator at the start,
    /// no ": " or " #" inside, no surrounding spaces.
    /// </summary>
    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ' || value[^1] == ':')
        {
            return false;
        }

        if (!(char.IsAsciiLetterOrDigit(value[0]) || value[0] is '/' or '.' or '_' or '$'))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ordinary = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' or '-' or '=' or '+' or '@' or ',' or '$' or '(' or ')' or '%' or '~' or '^';
            if (ordinary || (c == ' ' && value[i + 1] != '#') || (c == ':' && value[i + 1] != ' '))
            {
                continue;
            }

            return false;
        }

        return PlainScalarResolver.Resolve(value).Kind == ScalarKind.String;
    }

    /// <summary>A literal block keeps multi-line text readable; only for text a literal block reproduces exactly.</summary>
    private static bool IsLiteralSafe(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value[0] is ' ' or '\n' or '\t')
        {
            return false;
        }

        foreach (var c in value)
        {
            if ((c < ' ' && c is not '\n' and not '\t') || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff')
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendLiteral(StringBuilder text, string value, int indent)
    {
        var body = value.TrimEnd('\n');
        var trailing = value.Length - body.Length;
        text.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
        foreach (var line in body.Split('\n'))
        {
            text.Append('\n');
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }
        }

        // "|+" keeps every line break after the last line; the final one ends the block.
        if (trailing > 1)
        {
            text.Append('\n', trailing - 1);
        }
    }

    private static void AppendDoubleQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }

    private static bool HasProperties(JsonElement obj)
    {
        using var properties = obj.EnumerateObject();
        return properties.MoveNext();
    }
}
