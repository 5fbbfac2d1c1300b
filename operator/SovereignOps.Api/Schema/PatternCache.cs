using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Compiles schema and CEL regular expressions once. The non-backtracking engine gives the linear-time
/// guarantee the API server gets from RE2 (and, like RE2, has no lookaround or backreferences); the
/// timeout is a second line of defence.
/// </summary>
internal static class PatternCache
{
    private const int MaxEntries = 4096;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Error)> Cache = new(StringComparer.Ordinal);

    public static (Regex? Regex, string? Error) Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxEntries)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, Compile);
    }

    /// <summary>Whether <paramref name="input"/> contains a match; a timeout counts as an error, not a match.</summary>
    public static bool TryIsMatch(Regex regex, string input, out bool isMatch)
    {
        try
        {
            isMatch = regex.IsMatch(input);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            isMatch = false;
            return false;
        }
    }

    private static (Regex?, string?) Compile(string pattern)
    {
        try
        {
            return (new Regex(TranslateRe2Syntax(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout), null);
        }
        catch (ArgumentException exception)
        {
            return (null, exception.Message);
        }
        catch (NotSupportedException exception)
        {
            return (null, exception.Message);
        }
    }

    // RE2 spells named groups (?P<name>…); .NET spells them (?<name>…).
    private static string TranslateRe2Syntax(string pattern) =>
        pattern.Contains("(?P<", StringComparison.Ordinal) ? pattern.Replace("(?P<", "(?<", StringComparison.Ordinal) : pattern;
}
