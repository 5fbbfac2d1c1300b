using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>Words violations the way the API server's <c>field.Error</c> does.</summary>
internal static class ViolationText
{
    private const int MaxValueLength = 256;

    public static string TypeLabel(SchemaViolationType type) => type switch
    {
        SchemaViolationType.NotFound => "Not found",
        SchemaViolationType.Required => "Required value",
        SchemaViolationType.Duplicate => "Duplicate value",
        SchemaViolationType.NotSupported => "Unsupported value",
        SchemaViolationType.Forbidden => "Forbidden",
        SchemaViolationType.TooLong => "Too long",
        SchemaViolationType.TooMany => "Too many",
        SchemaViolationType.Internal => "Internal error",
        _ => "Invalid value",
    };

    /// <summary><c>Type: value: detail</c>, the value rendered as Go's <c>%v</c>/<c>%q</c> would.</summary>
    public static string WithValue(SchemaViolationType type, string renderedValue, string? detail) =>
        string.IsNullOrEmpty(detail)
            ? $"{TypeLabel(type)}: {renderedValue}"
            : $"{TypeLabel(type)}: {renderedValue}: {detail}";

    /// <summary><c>Type: detail</c>, for the kinds that print no value (Required, Forbidden, Too long, Internal).</summary>
    public static string WithoutValue(SchemaViolationType type, string? detail) =>
        string.IsNullOrEmpty(detail) ? TypeLabel(type) : $"{TypeLabel(type)}: {detail}";

    public static string Render(JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return "\"null\"";
            case JsonValueKind.String:
                return Quote(value.GetValue<string>());
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return RenderNumber(value);
            default:
                var json = value.ToJsonString();
                return json.Length <= MaxValueLength ? json : string.Concat(json.AsSpan(0, MaxValueLength), "...");
        }
    }

    public static string RenderNumber(JsonNode value) =>
        JsonNumber.TryRead(value, out var number)
            ? number.IsInteger ? number.Integer.ToString(CultureInfo.InvariantCulture) : GoFloatKey.FormatDouble(number.Double)
            : value.ToJsonString();

    public static string RenderNumber(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : GoFloatKey.FormatDouble(value);

    /// <summary>A string in double quotes with Go-style escapes (printable Unicode kept as is).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        var length = 0;
        foreach (var c in text)
        {
            if (++length > MaxValueLength)
            {
                builder.Append("...");
                break;
            }

            if (EscapedChar.TryAppendCommon(builder, c))
            {
                continue;
            }

            if (char.IsControl(c))
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The path as it appears inside kube-openapi details (<c>spec.replicas in body …</c>).</summary>
    public static string InBody(string path) => path.Length == 0 ? "body" : path + " in body";
}
