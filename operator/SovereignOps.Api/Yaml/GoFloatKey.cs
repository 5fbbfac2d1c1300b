using System.Globalization;
using System.Text;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Go's shortest <c>'g'</c> float formatting (<c>strconv.FormatFloat(f, 'g', -1, bits)</c>, which is also
/// what <c>%v</c> prints): plain digits between 1e-4 and 1e6, else <c>1e+06</c> style. Used so keys and
/// messages read as they would from kubectl and the API server.
/// </summary>
internal static class GoFloatKey
{
    /// <summary>A float map key as sigs.k8s.io/yaml writes it (32-bit shortest form, go-yaml spellings of infinities and NaN).</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        var single = (float)value;
        if (float.IsInfinity(single))
        {
            return float.IsPositiveInfinity(single) ? ".inf" : "-.inf";
        }

        return Shortest(Math.Abs(single).ToString("R", CultureInfo.InvariantCulture), float.IsNegative(single));
    }

    /// <summary>A float64 as Go's <c>%v</c> prints it (<c>1.5</c>, <c>1e+21</c>, <c>+Inf</c>).</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        return Shortest(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture), double.IsNegative(value));
    }

    private static string Shortest(string roundTrip, bool negative)
    {
        var (digits, pointPosition) = Decompose(roundTrip);
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (digits == "0")
        {
            return builder.Append('0').ToString();
        }

        // Go's shortest 'g' form switches to an exponent below 1e-4 and from 1e6 on.
        var exponent = pointPosition - 1;
        if (exponent < -4 || exponent >= 6)
        {
            AppendExponential(builder, digits, exponent);
        }
        else if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return builder.ToString();
    }

    private static void AppendExponential(StringBuilder builder, string digits, int exponent)
    {
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        if (magnitude < 10)
        {
            builder.Append('0');
        }

        builder.Append(magnitude);
    }

    // "1.5E+03" or "1500" → ("15", 4): significant digits and where the decimal point goes.
    private static (string Digits, int PointPosition) Decompose(string text)
    {
        var exponent = 0;
        var ePosition = text.IndexOfAny(['E', 'e']);
        var mantissa = text;
        if (ePosition >= 0)
        {
            exponent = int.Parse(text.AsSpan(ePosition + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = text[..ePosition];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fraction = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var allDigits = integerPart + fraction;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        allDigits = allDigits.Trim('0');
        return (allDigits.Length == 0 ? "0" : allDigits, pointPosition - leadingZeros);
    }
}
