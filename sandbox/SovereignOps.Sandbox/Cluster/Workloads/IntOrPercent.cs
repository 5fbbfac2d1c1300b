using System.Globalization;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>An IntOrString that is either a count or a percentage ("25%") of some total.</summary>
public readonly record struct IntOrPercent(int Value, bool IsPercent)
{
    /// <summary>Reads a JSON number or "N%" string; null when absent or malformed.</summary>
    public static IntOrPercent? From(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var count))
        {
            return new IntOrPercent(count, IsPercent: false);
        }

        if (value.TryGetValue<string>(out var text))
        {
            if (text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            {
                return new IntOrPercent(percent, IsPercent: true);
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
            {
                return new IntOrPercent(numeric, IsPercent: false);
            }
        }

        return null;
    }

    /// <summary>The count this value stands for out of <paramref name="total"/>; percentages round up or down.</summary>
    public int Scale(int total, bool roundUp)
    {
        if (!IsPercent)
        {
            return Value;
        }

        var product = (long)Value * total;
        return (int)(roundUp ? (product + 99) / 100 : product / 100);
    }
}
