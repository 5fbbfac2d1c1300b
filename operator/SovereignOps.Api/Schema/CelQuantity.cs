using System.Globalization;
using Cel;

namespace SovereignOps.Api.Schema;

/// <summary>
/// A Kubernetes resource quantity (<c>80Gi</c>, <c>500m</c>, <c>1e3</c>) as a CEL value, for the
/// Kubernetes quantity library: <c>quantity(self.memory).isGreaterThan(quantity('40Gi'))</c>.
/// </summary>
internal sealed class CelQuantity : IComparable<CelQuantity>
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
        var parsed = ResourceQuantity.TryParse(text, out var value);
        quantity = new CelQuantity(value);
        return parsed;
    }

    public int CompareTo(CelQuantity? other) => other is null ? 1 : Value.CompareTo(other.Value);

    public CelQuantity Add(CelQuantity other) => new(Value + other.Value);

    public CelQuantity Subtract(CelQuantity other) => new(Value - other.Value);

    public long AsInteger() =>
        IsInteger ? (long)Value : throw new CelOverflowException($"quantity {Value} is not an integer that fits in 64 bits");

    public override bool Equals(object? obj) => obj is CelQuantity other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
