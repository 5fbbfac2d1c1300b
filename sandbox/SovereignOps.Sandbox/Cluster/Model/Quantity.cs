using System.Globalization;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>2Gi</c>, <c>1e3</c>, <c>8</c>) as whole milli-units, the
/// precision the scheduler compares requests with. Fractions of a milli-unit round up, as the API server's
/// canonical form does.
/// </summary>
public static class Quantity
{
    /// <summary>The value in thousandths; null when the text is not a quantity.</summary>
    public static long? ParseMilli(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] is '.' || (split == 0 && trimmed[split] is '+' or '-')))
        {
            split++;
        }

        var number = trimmed[..split];
        var suffix = trimmed[split..];
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var multiplier = Multiplier(suffix);
        if (multiplier is null)
        {
            return null;
        }

        try
        {
            return (long)decimal.Ceiling(value * multiplier.Value * 1000m);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Multiplier(string suffix)
    {
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            return int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) && Math.Abs(exponent) <= 18
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
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => null,
        };
    }

    private static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= value;
        }

        return exponent < 0 ? 1 / result : result;
    }
}
