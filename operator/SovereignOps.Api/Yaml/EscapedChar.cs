using System.Text;

namespace SovereignOps.Api.Yaml;

/// <summary>The escapes shared by quoted field-path keys and quoted values in error messages.</summary>
internal static class EscapedChar
{
    /// <summary>Appends the escape for a quote, backslash, newline, tab or carriage return; false for any other character.</summary>
    public static bool TryAppendCommon(StringBuilder builder, char c)
    {
        var escape = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            _ => null,
        };
        if (escape is null)
        {
            return false;
        }

        builder.Append(escape);
        return true;
    }
}
