using System.Globalization;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Converts resolved scalars the way sigs.k8s.io/yaml hands them to the API server: values become
/// JSON values, map keys become strings.
/// </summary>
internal static class JsonScalarConversion
{
    // 2^63 as a double: the first whole value that no longer fits a long.
    private const double TwoToThe63 = 9223372036854775808.0;

    /// <summary>
    /// The JSON value kubectl would send. A float with no fraction that fits a long becomes an
    /// integer, because Go's JSON encoder writes it without a decimal point (<c>1.0</c> is sent as <c>1</c>);
    /// integers past the long range become doubles, as the API server decodes them.
    /// </summary>
    public static bool TryToJson(ResolvedScalar scalar, string originalText, out JsonNode? node, out string? error)
    {
        error = null;
        node = null;
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return true;
            case ScalarKind.Bool:
                node = JsonValue.Create(scalar.Bool);
                return true;
            case ScalarKind.Int:
                node = JsonValue.Create(scalar.Int);
                return true;
            case ScalarKind.UInt:
                node = JsonValue.Create((double)scalar.UInt);
                return true;
            case ScalarKind.Float:
                if (double.IsNaN(scalar.Float) || double.IsInfinity(scalar.Float))
                {
                    error = $"{originalText} is a YAML float that JSON cannot represent (kubectl refuses it too); quote it if a string was meant";
                    return false;
                }

                node = IsWholeLong(scalar.Float) ? JsonValue.Create((long)scalar.Float) : JsonValue.Create(scalar.Float);
                return true;
            default:
                node = JsonValue.Create(scalar.Text ?? originalText);
                return true;
        }
    }

    /// <summary>The string a non-string key becomes (<c>yes:</c> → <c>"true"</c>, <c>1.50:</c> → <c>"1.5"</c>); null keys have none.</summary>
    public static string? ToKeyText(ResolvedScalar scalar) => scalar.Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => scalar.Bool ? "true" : "false",
        ScalarKind.Int => scalar.Int.ToString(CultureInfo.InvariantCulture),
        ScalarKind.UInt => scalar.UInt.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float => GoFloatKey.Format(scalar.Float),
        _ => scalar.Text,
    };

    private static bool IsWholeLong(double value) =>
        value >= -TwoToThe63 && value < TwoToThe63 && Math.Floor(value) == value;
}
