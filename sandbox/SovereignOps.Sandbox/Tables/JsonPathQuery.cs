using System.Text;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>['a.b']</c>, <c>[0]</c>, <c>[*]</c> and
/// filters such as <c>[?(@.type=="Ready")]</c>. Evaluation yields every matching node.
/// </summary>
public static class JsonPathQuery
{
    public static List<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var current = new List<JsonNode?> { root };
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var i = 0;
        while (i < text.Length && current.Count > 0)
        {
            if (text[i] == '.')
            {
                i++;
                var name = ReadName(text, ref i);
                current = [.. current.SelectMany(n => Child(n, name))];
            }
            else if (text[i] == '[')
            {
                var end = FindClose(text, i);
                var inner = text[(i + 1)..end];
                i = end + 1;
                current = [.. current.SelectMany(n => Select(n, inner))];
            }
            else
            {
                var name = ReadName(text, ref i);
                current = [.. current.SelectMany(n => Child(n, name))];
            }
        }

        return current;
    }

    /// <summary>Renders matches the way kubectl prints them: strings raw, others as JSON, joined by commas.</summary>
    public static string Render(IEnumerable<JsonNode?> values) =>
        string.Join(",", values.Where(v => v is not null).Select(v => v is JsonValue s && s.TryGetValue<string>(out var str) ? str : v!.ToJsonString()));

    private static string ReadName(string text, ref int i)
    {
        var name = new StringBuilder();
        while (i < text.Length && text[i] is not ('.' or '['))
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            name.Append(text[i]);
            i++;
        }

        return name.ToString();
    }

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static IEnumerable<JsonNode?> Child(JsonNode? node, string name)
    {
        if (name == "*")
        {
            return node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
        }

        return node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? [value] : [];
    }

    private static IEnumerable<JsonNode?> Select(JsonNode? node, string inner)
    {
        inner = inner.Trim();
        if (inner == "*")
        {
            return Child(node, "*");
        }

        if (inner.StartsWith('\'') || inner.StartsWith('"'))
        {
            return Child(node, inner[1..^1]);
        }

        if (node is not JsonArray array)
        {
            return [];
        }

        if (int.TryParse(inner, out var index))
        {
            index = index < 0 ? array.Count + index : index;
            return index >= 0 && index < array.Count ? [array[index]] : [];
        }

        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            return array.Where(item => Matches(item, inner[2..^1]));
        }

        return [];
    }

    private static bool Matches(JsonNode? item, string condition)
    {
        foreach (var op in new[] { "==", "!=" })
        {
            var at = condition.IndexOf(op, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var left = condition[..at].Trim();
            var right = condition[(at + 2)..].Trim().Trim('"', '\'');
            var actual = left.StartsWith('@') ? Render(Evaluate(item, left[1..])) : left;
            return (actual == right) == (op == "==");
        }

        var exists = condition.Trim();
        return exists.StartsWith('@') && Evaluate(item, exists[1..]).Any(v => v is not null);
    }
}
