using System.Globalization;

namespace SovereignOps.Benchmarks.Operator;

/// <summary>Reads the figures the scale run needs out of a Prometheus text exposition.</summary>
public static class PrometheusText
{
    /// <summary>The sum of every series of <paramref name="metric"/> (all label sets).</summary>
    public static double Sum(string exposition, string metric) =>
        Samples(exposition, metric).Sum(s => s.Value);

    /// <summary>
    /// A quantile of a histogram over all its label sets, interpolated linearly inside the bucket it falls
    /// in, as PromQL's <c>histogram_quantile</c> does. Null when the histogram has no observations.
    /// </summary>
    public static double? Quantile(string exposition, string histogram, double quantile)
    {
        var buckets = Samples(exposition, histogram + "_bucket")
            .Select(s => (Le: ParseBound(Label(s.Labels, "le")), s.Value))
            .GroupBy(b => b.Le)
            .Select(g => (Le: g.Key, Count: g.Sum(b => b.Value)))
            .OrderBy(b => b.Le)
            .ToList();
        if (buckets.Count == 0 || buckets[^1].Count == 0)
        {
            return null;
        }

        var rank = quantile * buckets[^1].Count;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        foreach (var (le, count) in buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(le))
                {
                    return lowerBound;
                }

                return count == lowerCount ? le : lowerBound + ((le - lowerBound) * (rank - lowerCount) / (count - lowerCount));
            }

            lowerBound = le;
            lowerCount = count;
        }

        return lowerBound;
    }

    private static IEnumerable<(string Labels, double Value)> Samples(string exposition, string metric)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line.AsSpan(metric.Length);
            string labels;
            if (rest.Length > 0 && rest[0] == '{')
            {
                var close = rest.LastIndexOf('}');
                labels = rest[1..close].ToString();
                rest = rest[(close + 1)..];
            }
            else if (rest.Length > 0 && rest[0] == ' ')
            {
                labels = string.Empty;
            }
            else
            {
                continue; // a longer metric name that merely starts with this one
            }

            var value = rest.Trim().ToString().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                yield return (labels, number);
            }
        }
    }

    private static string Label(string labels, string name)
    {
        var key = name + "=\"";
        var start = labels.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += key.Length;
        return labels[start..labels.IndexOf('"', start)];
    }

    private static double ParseBound(string le) =>
        le == "+Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
}
