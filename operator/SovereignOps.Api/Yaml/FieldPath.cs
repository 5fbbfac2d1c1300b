using System.Globalization;
using System.Text;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// The one field-path format used by the YAML source maps, the schema validator, the CLI and the sandbox:
/// <c>spec.gpus[0].name</c>, with keys that are not identifiers quoted as in
/// <c>metadata.labels["app.kubernetes.io/name"]</c>. The root is the empty string.
/// </summary>
public static class FieldPath
{
    public const string Root = "";

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        if (IsIdentifier(name))
        {
            return parent.Length == 0 ? name : string.Concat(parent, ".", name);
        }

        var builder = new StringBuilder(parent.Length + name.Length + 4).Append(parent);
        AppendQuotedKey(builder, name);
        return builder.ToString();
    }

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return string.Concat(parent, "[", index.ToString(CultureInfo.InvariantCulture), "]");
    }

    /// <summary>Appends a member segment to a path being built (no allocation when the name is an identifier).</summary>
    public static void AppendChild(StringBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        if (IsIdentifier(name))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(name);
        }
        else
        {
            AppendQuotedKey(builder, name);
        }
    }

    /// <summary>Appends a list-index segment to a path being built.</summary>
    public static void AppendIndex(StringBuilder builder, int index)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append('[').Append(index).Append(']');
    }

    /// <summary>True when <paramref name="name"/> can be written after a dot: an ASCII letter or underscore, then letters, digits or underscores.</summary>
    public static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The path one segment up (<c>spec.gpus[0].name</c> → <c>spec.gpus[0]</c>), or null for the root
    /// or for text that is not a path in this format.
    /// </summary>
    public static string? Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return null;
        }

        var lastStart = -1;
        var i = 0;
        while (i < path.Length)
        {
            var segmentStart = i;
            if (path[i] == '[')
            {
                i = SkipBracket(path, i);
                if (i < 0)
                {
                    return null;
                }
            }
            else
            {
                if (path[i] == '.')
                {
                    if (i == 0)
                    {
                        return null;
                    }

                    i++;
                }

                var nameStart = i;
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                {
                    i++;
                }

                if (i == nameStart)
                {
                    return null;
                }
            }

            lastStart = segmentStart;
        }

        return path[..lastStart];
    }

    private static int SkipBracket(string path, int open)
    {
        var i = open + 1;
        if (i < path.Length && path[i] == '"')
        {
            i++;
            while (i < path.Length && path[i] != '"')
            {
                i += path[i] == '\\' ? 2 : 1;
            }

            i++;
        }
        else
        {
            while (i < path.Length && char.IsAsciiDigit(path[i]))
            {
                i++;
            }
        }

        return i < path.Length && path[i] == ']' ? i + 1 : -1;
    }

    private static void AppendQuotedKey(StringBuilder builder, string key)
    {
        builder.Append("[\"");
        foreach (var c in key)
        {
            if (EscapedChar.TryAppendCommon(builder, c))
            {
                continue;
            }

            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append("\"]");
    }
}
