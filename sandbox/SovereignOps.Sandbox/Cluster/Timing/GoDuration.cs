using System.Globalization;

namespace SovereignOps.Sandbox.Cluster.Timing;

/// <summary>Go's duration syntax (<c>300ms</c>, <c>30s</c>, <c>1m30s</c>, <c>1.5h</c>), as Kubernetes annotations and flags write it.</summary>
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? milliseconds = s[unitStart..i] switch
            {
                "ns" => value / 1e6,
                "us" or "µs" => value / 1e3,
                "ms" => value,
                "s" => value * 1e3,
                "m" => value * 60e3,
                "h" => value * 3600e3,
                _ => null,
            };
            if (milliseconds is null)
            {
                return false;
            }

            total += milliseconds.Value;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
