using System.Globalization;
using System.Text.RegularExpressions;
using Cel;

namespace SovereignOps.Api.Schema;

/// <summary>
/// A Kubernetes resource quantity (<c>80Gi</c>, <c>500m</c>, <c>1e3</c>) as a CEL value, for the
/// Kubernetes quantity library: <c>quantity(self.memory).isGreaterThan(quantity('40Gi'))</c>.
/// </summary>
internal sealed partial class CelQuantity : IComparable<CelQuantity>
{
    private CelQuantity(decimal value)
    {
        Value = value;
    }

    public decimal Value { get; }

    public bool IsInteger => decimal.Truncate(Value) == Value && Value is >= long.MinValue and <= long.MaxValue;

    public static CelQuantity Parse(string text) =>
        TryParse(text, out var quantity) ? quantity : throw new CelStringParsingException($"invalid quantity: {text}");

    public static bool TryParse(string text, out CelQuantity quantity)
    {
        quantity = new CelQuantity(0);
        var match = QuantityPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups["suffix"].Value;
        decimal multiplier;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            if (!int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 24)
            {
                return false;
            }

            multiplier = Power(10, exponent);
        }
        else
        {
            multiplier = suffix switch
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
                _ => 0m,
            };
        }

        try
        {
            quantity = new CelQuantity(number * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public int CompareTo(CelQuantity? other) => other is null ? 1 : Value.CompareTo(other.Value);

    public CelQuantity Add(CelQuantity other) => new(Value + other.Value);

    public CelQuantity Subtract(CelQuantity other) => new(Value - other.Value);

    public long AsInteger() =>
        IsInteger ? (long)Value : throw new CelOverflowException($"quantity {Value} is not an integer that fits in 64 bits");

    public override bool Equals(object? obj) => obj is CelQuantity other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static decimal Power(int radix, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= radix;
        }

        return exponent < 0 ? 1m / result : result;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
