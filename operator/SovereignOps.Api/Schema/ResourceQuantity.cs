using System.Globalization;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The value of a Kubernetes resource quantity (<c>80Gi</c>, <c>500m</c>, <c>1e3</c>), exactly, as a decimal.
/// One parser for the CEL quantity library and the sandbox's scheduler, so both read a quantity alike.
/// </summary>
public static partial class ResourceQuantity
{
    private const int MaxDecimalExponent = 24;

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        var match = text is null ? Match.Empty : QuantityPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || Multiplier(match.Groups["suffix"].Value) is not { } multiplier)
        {
            return false;
        }

        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal? Multiplier(string suffix)
    {
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            return int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) && Math.Abs(exponent) <= MaxDecimalExponent
                ? Power(10, exponent)
                : null;
        }

        return suffix switch
        {
            "" => 1m,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            "Ki" => Power(1024, 1),
            "Mi" => Power(1024, 2),
            "Gi" => Power(1024, 3),
            "Ti" => Power(1024, 4),
            "Pi" => Power(1024, 5),
            "Ei" => Power(1024, 6),
            _ => null,
        };
    }

    private static decimal Power(int radix, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= radix;
        }

        return exponent < 0 ? 1 / result : result;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
