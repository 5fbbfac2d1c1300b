using System.Collections.Immutable;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Selectors;

/// <summary>
/// A parsed label selector in the query-string syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c> (exists) and <c>!a</c> (does not exist), comma-separated.
/// </summary>
public sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private readonly ImmutableArray<Requirement> _requirements;

    private LabelSelector(ImmutableArray<Requirement> requirements) => _requirements = requirements;

    public bool IsEverything => _requirements.IsEmpty;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public static ApiResult<LabelSelector> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = ImmutableArray.CreateBuilder<Requirement>();
        foreach (var term in SplitTerms(text))
        {
            var parsed = ParseTerm(term.Trim());
            if (parsed is null)
            {
                return ApiError.BadRequest($"unable to parse requirement: invalid label selector term \"{term.Trim()}\"");
            }

            requirements.Add(parsed);
        }

        return new LabelSelector(requirements.ToImmutable());
    }

    /// <summary>Splits on commas that are not inside a parenthesised value set.</summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
                default:
                    break;
            }
        }

        yield return text[start..];
    }

    private static Requirement? ParseTerm(string term)
    {
        if (term.Length == 0)
        {
            return null;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return IsKey(key) ? new Requirement(key, Operator.DoesNotExist, []) : null;
        }

        foreach (var (token, op) in new[] { ("!=", Operator.NotEquals), ("==", Operator.Equals), ("=", Operator.Equals) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var value = term[(at + token.Length)..].Trim();
                return IsKey(key) ? new Requirement(key, op, [value]) : null;
            }
        }

        foreach (var (word, op) in new[] { (" notin ", Operator.NotIn), (" in ", Operator.In) })
        {
            var at = term.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var rest = term[(at + word.Length)..].Trim();
                if (!IsKey(key) || !rest.StartsWith('(') || !rest.EndsWith(')'))
                {
                    return null;
                }

                var values = rest[1..^1].Split(',', StringSplitOptions.TrimEntries);
                return new Requirement(key, op, [.. values]);
            }
        }

        return IsKey(term) ? new Requirement(term, Operator.Exists, []) : null;
    }

    private static bool IsKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }

    private sealed record Requirement(string Key, Operator Op, ImmutableArray<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Equals or Operator.In => has && Values.Contains(value!),
                Operator.NotEquals or Operator.NotIn => !has || !Values.Contains(value!),
                Operator.Exists => has,
                _ => !has,
            };
        }
    }
}
