using System.Collections;
using System.Text;
using Cel;
using Cel.Internal;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The parts of the Kubernetes CEL libraries (strings, lists, regex, quantity) that CRD rules use,
/// registered on the Cel package's environment with the Kubernetes semantics: indexes and sizes are
/// CEL ints (long), strings are measured in code points, and regexes run on the linear-time engine.
/// </summary>
internal static class KubernetesCelFunctions
{
    private static readonly List<(string Name, Type[] Arguments, CelFunctionDelegate Function)> Functions =
    [
        // has() tests presence, not emptiness: the Cel package answers false for "", [] and {} (proto3
        // default-value semantics), while a Kubernetes field that is present is present whatever it holds.
        // A missing field reaches here as the package's no-such-field marker.
        ("has", [typeof(object)], a => a[0]?.GetType().Name != "CelNoSuchField"),
        ("size", [typeof(string)], a => (long)CodePoints(S(a[0])).Length),
        ("size", [typeof(IList)], a => (long)((IList)a[0]!).Count),
        ("size", [typeof(IDictionary)], a => (long)((IDictionary)a[0]!).Count),
        ("matches", [typeof(string), typeof(string)], a => Matches(S(a[0]), S(a[1]))),
        ("find", [typeof(string), typeof(string)], a => Find(S(a[0]), S(a[1]))),
        ("findAll", [typeof(string), typeof(string)], a => FindAll(S(a[0]), S(a[1]), -1)),
        ("findAll", [typeof(string), typeof(string), typeof(long)], a => FindAll(S(a[0]), S(a[1]), (long)a[2]!)),
        ("charAt", [typeof(string), typeof(long)], a => CharAt(S(a[0]), (long)a[1]!)),
        ("indexOf", [typeof(string), typeof(string)], a => IndexOf(S(a[0]), S(a[1]), 0)),
        ("indexOf", [typeof(string), typeof(string), typeof(long)], a => IndexOf(S(a[0]), S(a[1]), (long)a[2]!)),
        ("lastIndexOf", [typeof(string), typeof(string)], a => LastIndexOf(S(a[0]), S(a[1]))),
        ("lowerAscii", [typeof(string)], a => MapAscii(S(a[0]), char.ToLowerInvariant)),
        ("upperAscii", [typeof(string)], a => MapAscii(S(a[0]), char.ToUpperInvariant)),
        ("replace", [typeof(string), typeof(string), typeof(string)], a => Replace(S(a[0]), S(a[1]), S(a[2]), -1)),
        ("replace", [typeof(string), typeof(string), typeof(string), typeof(long)], a => Replace(S(a[0]), S(a[1]), S(a[2]), (long)a[3]!)),
        ("split", [typeof(string), typeof(string)], a => Split(S(a[0]), S(a[1]), -1)),
        ("split", [typeof(string), typeof(string), typeof(long)], a => Split(S(a[0]), S(a[1]), (long)a[2]!)),
        ("substring", [typeof(string), typeof(long)], a => Substring(S(a[0]), (long)a[1]!, null)),
        ("substring", [typeof(string), typeof(long), typeof(long)], a => Substring(S(a[0]), (long)a[1]!, (long)a[2]!)),
        ("trim", [typeof(string)], a => S(a[0]).Trim()),
        ("join", [typeof(IList)], a => Join((IList)a[0]!, string.Empty)),
        ("join", [typeof(IList), typeof(string)], a => Join((IList)a[0]!, S(a[1]))),
        ("isSorted", [typeof(IList)], a => IsSorted((IList)a[0]!)),
        ("sum", [typeof(IList)], a => Sum((IList)a[0]!)),
        ("min", [typeof(IList)], a => Extreme((IList)a[0]!, smallest: true)),
        ("max", [typeof(IList)], a => Extreme((IList)a[0]!, smallest: false)),
        ("indexOf", [typeof(IList), typeof(object)], a => ListIndexOf((IList)a[0]!, a[1], last: false)),
        ("lastIndexOf", [typeof(IList), typeof(object)], a => ListIndexOf((IList)a[0]!, a[1], last: true)),
        ("isQuantity", [typeof(string)], a => CelQuantity.TryParse(S(a[0]), out _)),
        ("quantity", [typeof(string)], a => CelQuantity.Parse(S(a[0]))),
        ("compareTo", [typeof(CelQuantity), typeof(CelQuantity)], a => (long)((CelQuantity)a[0]!).CompareTo((CelQuantity)a[1]!)),
        ("isGreaterThan", [typeof(CelQuantity), typeof(CelQuantity)], a => ((CelQuantity)a[0]!).CompareTo((CelQuantity)a[1]!) > 0),
        ("isLessThan", [typeof(CelQuantity), typeof(CelQuantity)], a => ((CelQuantity)a[0]!).CompareTo((CelQuantity)a[1]!) < 0),
        ("add", [typeof(CelQuantity), typeof(CelQuantity)], a => ((CelQuantity)a[0]!).Add((CelQuantity)a[1]!)),
        ("sub", [typeof(CelQuantity), typeof(CelQuantity)], a => ((CelQuantity)a[0]!).Subtract((CelQuantity)a[1]!)),
        ("asInteger", [typeof(CelQuantity)], a => ((CelQuantity)a[0]!).AsInteger()),
        ("asApproximateFloat", [typeof(CelQuantity)], a => (double)((CelQuantity)a[0]!).Value),
        ("sign", [typeof(CelQuantity)], a => (long)Math.Sign(((CelQuantity)a[0]!).Value)),
        ("isInteger", [typeof(CelQuantity)], a => ((CelQuantity)a[0]!).IsInteger),
    ];

    public static IEnumerable<string> Names => Functions.Select(f => f.Name).Distinct();

    public static void Register(CelEnvironment environment)
    {
        foreach (var (name, arguments, function) in Functions)
        {
            environment.RegisterFunction(name, arguments, function);
        }
    }

    private static string S(object? value) => value as string ?? throw new CelNoSuchOverloadException("expected a string argument");

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return [.. points];
    }

    private static string FromCodePoints(ReadOnlySpan<int> points)
    {
        var builder = new StringBuilder(points.Length);
        foreach (var point in points)
        {
            builder.Append(new Rune(point).ToString());
        }

        return builder.ToString();
    }

    private static bool Matches(string text, string pattern) => Regex(pattern).IsMatch(text);

    private static string Find(string text, string pattern)
    {
        var match = Regex(pattern).Match(text);
        return match.Success ? match.Value : string.Empty;
    }

    private static List<object?> FindAll(string text, string pattern, long limit)
    {
        var found = new List<object?>();
        foreach (System.Text.RegularExpressions.Match match in Regex(pattern).Matches(text))
        {
            if (limit >= 0 && found.Count >= limit)
            {
                break;
            }

            found.Add(match.Value);
        }

        return found;
    }

    private static System.Text.RegularExpressions.Regex Regex(string pattern)
    {
        var (regex, error) = PatternCache.Get(pattern);
        return regex ?? throw new CelException($"invalid regular expression {pattern}: {error}");
    }

    private static string CharAt(string text, long index)
    {
        var points = CodePoints(text);
        if (index < 0 || index > points.Length)
        {
            throw new CelArgumentRangeException($"index out of range: {index}");
        }

        return index == points.Length ? string.Empty : FromCodePoints(points.AsSpan((int)index, 1));
    }

    private static long IndexOf(string text, string search, long start)
    {
        var points = CodePoints(text);
        if (start < 0 || start > points.Length)
        {
            throw new CelArgumentRangeException($"index out of range: {start}");
        }

        var prefix = FromCodePoints(points.AsSpan(0, (int)start));
        var found = text.IndexOf(search, prefix.Length, StringComparison.Ordinal);
        return found < 0 ? -1 : CodePoints(text[..found]).Length;
    }

    private static long LastIndexOf(string text, string search)
    {
        var found = text.LastIndexOf(search, StringComparison.Ordinal);
        return found < 0 ? -1 : CodePoints(text[..found]).Length;
    }

    private static string MapAscii(string text, Func<char, char> map)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAscii(chars[i]))
            {
                chars[i] = map(chars[i]);
            }
        }

        return new string(chars);
    }

    private static string Replace(string text, string search, string replacement, long limit)
    {
        if (limit < 0)
        {
            return search.Length == 0 ? text : text.Replace(search, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder();
        var position = 0;
        for (var done = 0L; done < limit && search.Length > 0; done++)
        {
            var found = text.IndexOf(search, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(text, position, found - position).Append(replacement);
            position = found + search.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static List<object?> Split(string text, string separator, long limit)
    {
        if (limit == 0)
        {
            return [];
        }

        var parts = separator.Length == 0
            ? CodePoints(text).Select(point => new Rune(point).ToString()).ToArray()
            : text.Split(separator, limit > 0 ? (int)Math.Min(limit, int.MaxValue) : int.MaxValue, StringSplitOptions.None);
        return [.. parts];
    }

    private static string Substring(string text, long start, long? end)
    {
        var points = CodePoints(text);
        var stop = end ?? points.Length;
        if (start < 0 || stop > points.Length || start > stop)
        {
            throw new CelArgumentRangeException($"substring range [{start}, {stop}) is out of range for a string of length {points.Length}");
        }

        return FromCodePoints(points.AsSpan((int)start, (int)(stop - start)));
    }

    private static string Join(IList items, string separator) =>
        string.Join(separator, items.Cast<object?>().Select(item => item as string ?? throw new CelNoSuchOverloadException("join needs a list of strings")));

    private static bool IsSorted(IList items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (Compare(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object Sum(IList items)
    {
        if (items.Count > 0 && items.Cast<object?>().All(item => item is long))
        {
            return items.Cast<long>().Aggregate(0L, (total, item) => checked(total + item));
        }

        return items.Cast<object?>().Aggregate(0.0, (total, item) => total + Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static object? Extreme(IList items, bool smallest)
    {
        if (items.Count == 0)
        {
            throw new CelArgumentRangeException(smallest ? "min called on an empty list" : "max called on an empty list");
        }

        var best = items[0];
        for (var i = 1; i < items.Count; i++)
        {
            var comparison = Compare(items[i], best);
            if (smallest ? comparison < 0 : comparison > 0)
            {
                best = items[i];
            }
        }

        return best;
    }

    private static long ListIndexOf(IList items, object? value, bool last)
    {
        var found = -1L;
        for (var i = 0; i < items.Count; i++)
        {
            if (ValuesEqual(items[i], value))
            {
                found = i;
                if (!last)
                {
                    break;
                }
            }
        }

        return found;
    }

    private static bool ValuesEqual(object? left, object? right) => (left, right) switch
    {
        (long or double, long or double) => Compare(left, right) == 0,
        _ => Equals(left, right),
    };

    private static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        (long or double, long or double) => Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new CelNoSuchOverloadException($"cannot compare {left?.GetType().Name ?? "null"} with {right?.GetType().Name ?? "null"}"),
    };
}
