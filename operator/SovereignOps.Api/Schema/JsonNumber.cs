using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>A JSON number read from any JsonValue backing (parsed text, long, double, decimal…).</summary>
internal readonly record struct JsonNumber(bool IsInteger, long Integer, double Double)
{
    public static bool TryRead(JsonNode? node, out JsonNumber number)
    {
        number = default;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = new JsonNumber(true, l, l);
            return true;
        }

        if (value.TryGetValue<int>(out var i))
        {
            number = new JsonNumber(true, i, i);
            return true;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                return false;
            }

            if (element.TryGetInt64(out l))
            {
                number = new JsonNumber(true, l, l);
                return true;
            }

            return FromDouble(element.GetDouble(), out number);
        }

        if (value.TryGetValue<double>(out var d))
        {
            return FromDouble(d, out number);
        }

        if (value.TryGetValue<float>(out var f))
        {
            return FromDouble(f, out number);
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return FromDouble((double)m, out number);
        }

        if (value.TryGetValue<ulong>(out var u))
        {
            return u <= long.MaxValue ? FromInteger((long)u, out number) : FromDouble(u, out number);
        }

        if (value.TryGetValue<uint>(out var ui))
        {
            return FromInteger(ui, out number);
        }

        if (value.TryGetValue<short>(out var s))
        {
            return FromInteger(s, out number);
        }

        if (value.TryGetValue<byte>(out var b))
        {
            return FromInteger(b, out number);
        }

        return false;
    }

    private static bool FromInteger(long value, out JsonNumber number)
    {
        number = new JsonNumber(true, value, value);
        return true;
    }

    // A float with no fraction counts as an integer, as in kube-openapi's type check.
    private static bool FromDouble(double value, out JsonNumber number)
    {
        var whole = !double.IsInfinity(value) && Math.Floor(value) == value && value >= long.MinValue && value < 9223372036854775808.0;
        number = new JsonNumber(whole, whole ? (long)value : 0, value);
        return !double.IsNaN(value);
    }
}
