using System.Globalization;
using System.Text;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Formats a float map key as sigs.k8s.io/yaml does (Go's <c>strconv.FormatFloat(f, 'g', -1, 32)</c>,
/// with go-yaml's spellings of infinities and NaN), so <c>1.0:</c> becomes the key <c>"1"</c>.
/// </summary>
internal static class GoFloatKey
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        var single = (float)value;
        if (float.IsPositiveInfinity(single))
        {
            return ".inf";
        }

        if (float.IsNegativeInfinity(single))
        {
            return "-.inf";
        }

        if (single == 0)
        {
            return float.IsNegative(single) ? "-0" : "0";
        }

        // Shortest round-trip digits of the float32, as mantissa digits and a decimal exponent.
        var (digits, pointPosition) = Decompose(Math.Abs(single).ToString("R", CultureInfo.InvariantCulture));
        var builder = new StringBuilder();
        if (single < 0)
        {
            builder.Append('-');
        }

        var exponent = pointPosition - 1;
        if (exponent < -4 || exponent >= 6)
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
            return builder.ToString();
        }

        if (pointPosition <= 0)
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

    // "1.5E+03" or "1500" → ("15", 4): digits without leading/trailing zeros and where the point goes.
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
