namespace SovereignOps.Api.Yaml;

/// <summary>
/// Integer syntax of Go's <c>strconv.ParseInt(s, 0, 64)</c>, which go-yaml v2 applies to plain scalars:
/// an optional sign, then <c>0x</c>/<c>0X</c> hex, <c>0b</c>/<c>0B</c> binary, <c>0o</c>/<c>0O</c> or a
/// leading <c>0</c> octal, else decimal.
/// </summary>
internal static class GoInteger
{
    public static bool TryParse(string text, out ulong magnitude, out bool negative, out bool signed)
    {
        magnitude = 0;
        negative = false;
        signed = false;
        var i = 0;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            signed = true;
            negative = text[0] == '-';
            i = 1;
        }

        var radix = 10;
        if (text.Length - i >= 2 && text[i] == '0')
        {
            switch (text[i + 1])
            {
                case 'x' or 'X':
                    radix = 16;
                    i += 2;
                    break;
                case 'b' or 'B':
                    radix = 2;
                    i += 2;
                    break;
                case 'o' or 'O':
                    radix = 8;
                    i += 2;
                    break;
                default:
                    radix = 8;
                    i += 1;
                    break;
            }
        }

        if (i >= text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
