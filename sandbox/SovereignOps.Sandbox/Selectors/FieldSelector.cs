using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Selectors;

/// <summary>
/// A parsed field selector (<c>path=value</c>, <c>path==value</c>, <c>path!=value</c>, comma-separated),
/// restricted like the API server to metadata.name, metadata.namespace and the fields a resource declares.
/// </summary>
public sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private readonly ImmutableArray<Term> _terms;

    private readonly bool _needsBody;

    private FieldSelector(ImmutableArray<Term> terms)
    {
        _terms = terms;
        _needsBody = terms.Any(t => !t.Field.StartsWith("metadata.", StringComparison.Ordinal));
    }

    public bool IsEverything => _terms.IsEmpty;

    public bool Matches(StoredObject obj)
    {
        if (_terms.IsEmpty)
        {
            return true;
        }

        // Metadata terms match on the stored summary; only other fields need the object parsed.
        var body = _needsBody ? obj.ToJsonObject() : null;
        foreach (var term in _terms)
        {
            var actual = term.Field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace,
                _ => Read(body!, term.Field),
            };
            if ((actual == term.Value) == term.Negated)
            {
                return false;
            }
        }

        return true;
    }

    public static ApiResult<FieldSelector> Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = ImmutableArray.CreateBuilder<Term>();
        foreach (var raw in SplitUnescaped(text, ','))
        {
            var (field, value, negated) = SplitOperator(raw);
            if (field is null)
            {
                return ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{raw}'");
            }

            if (field is not ("metadata.name" or "metadata.namespace") && !type.SelectableFields.Contains(field))
            {
                return ApiError.BadRequest($"field label not supported: {field}");
            }

            terms.Add(new Term(field, value!, negated));
        }

        return new FieldSelector(terms.ToImmutable());
    }

    private static (string? Field, string? Value, bool Negated) SplitOperator(string term)
    {
        foreach (var (token, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return (term[..at].Trim(), Unescape(term[(at + token.Length)..].Trim()), negated);
            }
        }

        return (null, null, false);
    }

    private static string Read(JsonObject body, string path)
    {
        // Events select on "source", which is the reporting component.
        var effective = path == "source" ? "source.component" : path;
        JsonNode? node = body;
        foreach (var part in effective.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    private static IEnumerable<string> SplitUnescaped(string text, char separator)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == separator)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static string Unescape(string value) =>
        value.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private sealed record Term(string Field, string Value, bool Negated);
}
