using System.Globalization;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Resolves untagged plain scalars the way go-yaml v2 does (YAML 1.1 flavour), since that is what
/// kubectl uses (through sigs.k8s.io/yaml) to turn a manifest into the JSON it sends:
/// <c>yes/no/on/off/y/n</c> in three spellings are booleans, <c>~</c>, <c>null</c> and the empty
/// scalar are null, integers accept <c>0x</c>, <c>0o</c>, <c>0b</c>, a leading-0 octal and <c>_</c>
/// separators, and anything else is a string. Timestamps stay strings, as go-yaml v2 keeps them when
/// decoding into untyped values.
/// </summary>
internal static partial class PlainScalarResolver
{
    private static readonly Dictionary<string, ResolvedScalar> Exact = BuildExactTable();

    public static ResolvedScalar Resolve(string text)
    {
        if (Exact.TryGetValue(text, out var exact))
        {
            return exact;
        }

        return text[0] switch
        {
            '.' => LeadingDotFloat().IsMatch(text) ? AsFloatOrString(text, text) : ResolvedScalar.FromString(text),
            '+' or '-' or (>= '0' and <= '9') => ResolveNumeric(text),
            _ => ResolvedScalar.FromString(text),
        };
    }

    private static ResolvedScalar ResolveNumeric(string text)
    {
        var plain = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", string.Empty, StringComparison.Ordinal) : text;
        if (GoInteger.TryParse(plain, out var magnitude, out var negative, out var signed))
        {
            if (negative && magnitude <= 1UL << 63)
            {
                return ResolvedScalar.FromInt(magnitude == 1UL << 63 ? long.MinValue : -(long)magnitude);
            }

            if (!negative && magnitude <= long.MaxValue)
            {
                return ResolvedScalar.FromInt((long)magnitude);
            }

            if (!negative && !signed)
            {
                return ResolvedScalar.FromUInt(magnitude);
            }
        }

        return YamlStyleFloat().IsMatch(plain) ? AsFloatOrString(plain, text) : ResolvedScalar.FromString(text);
    }

    // Go's ParseFloat reports an out-of-range value as an error, so go-yaml leaves it a string.
    private static ResolvedScalar AsFloatOrString(string number, string original)
    {
        var value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(value) ? ResolvedScalar.FromString(original) : ResolvedScalar.FromFloat(value);
    }

    private static Dictionary<string, ResolvedScalar> BuildExactTable()
    {
        var table = new Dictionary<string, ResolvedScalar>(StringComparer.Ordinal);
        void Add(ResolvedScalar value, params string[] spellings)
        {
            foreach (var spelling in spellings)
            {
                table[spelling] = value;
            }
        }

        Add(ResolvedScalar.FromBool(true), "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(ResolvedScalar.FromBool(false), "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(ResolvedScalar.Null, string.Empty, "~", "null", "Null", "NULL");
        Add(ResolvedScalar.FromFloat(double.NaN), ".nan", ".NaN", ".NAN");
        Add(ResolvedScalar.FromFloat(double.PositiveInfinity), ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(ResolvedScalar.FromFloat(double.NegativeInfinity), "-.inf", "-.Inf", "-.INF");
        Add(ResolvedScalar.Merge, "<<");
        return table;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDotFloat();
}
