namespace SovereignOps.Api.Schema;

/// <summary>
/// A rule's <c>fieldPath</c> (<c>.spec.replicas</c>, <c>.labels['app.kubernetes.io/name']</c>), relative
/// to the node the rule is on: where its violation is reported.
/// </summary>
internal sealed class RuleFieldPath
{
    private RuleFieldPath(IReadOnlyList<string> segments, string? error)
    {
        Segments = segments;
        Error = error;
    }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>Why the text is not a valid field path, or null.</summary>
    public string? Error { get; }

    public static RuleFieldPath Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new RuleFieldPath([], null);
        }

        var segments = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    return Invalid(text, "a '.' must be followed by a field name");
                }

                segments.Add(text[start..i]);
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var name = new System.Text.StringBuilder();
                i += 2;
                while (i < text.Length && text[i] != '\'')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    name.Append(text[i++]);
                }

                if (i + 1 >= text.Length || text[i + 1] != ']')
                {
                    return Invalid(text, "an unterminated ['key']");
                }

                segments.Add(name.ToString());
                i += 2;
            }
            else
            {
                return Invalid(text, "expected '.field' or ['key'] (list indexes are not allowed)");
            }
        }

        return new RuleFieldPath(segments, null);
    }

    private static RuleFieldPath Invalid(string text, string reason) => new([], $"fieldPath {text} is invalid: {reason}");
}
