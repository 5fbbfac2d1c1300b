using System.Text;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>Turns API names such as <c>SensitivePersonalData</c> into label values the charts accept (<c>sensitive-personal-data</c>).</summary>
public static class LabelValue
{
    public static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.ToString().Trim('-');
    }
}
