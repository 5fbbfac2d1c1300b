using System.Text;

namespace SovereignOps.Api.Profiles;

/// <summary>Turns a customer's name into the short DNS label generated names are built from.</summary>
public static class CustomerNames
{
    private static readonly HashSet<string> LinkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "and", "the", "for", "on", "in", "to", "a", "an", "&",
    };

    /// <summary>
    /// An acronym of the significant words, keeping short all-capital words whole:
    /// "Ministry of Digital Economy and Society" → <c>mdes</c>, "National AI Authority" → <c>naia</c>.
    /// A single word is kept whole ("Acme" → <c>acme</c>). Falls back to <c>tenant</c> when no ASCII letter is left.
    /// </summary>
    public static string Slug(string customer)
    {
        var words = customer
            .Split([' ', '\t', '-', '_', ',', '.', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(AsciiAlphanumeric)
            .Where(w => w.Length > 0 && !LinkWords.Contains(w))
            .ToList();

        var slug = words.Count switch
        {
            0 => string.Empty,
            1 => words[0],
            _ => string.Concat(words.Select(w => IsShortAcronym(w) ? w : w[..1])),
        };

        slug = slug.ToLowerInvariant();
        if (slug.Length > 20)
        {
            slug = slug[..20];
        }

        return slug.Length == 0 || !char.IsAsciiLetter(slug[0]) ? "tenant" : slug;
    }

    private static bool IsShortAcronym(string word) => word.Length is >= 2 and <= 5 && word.All(char.IsAsciiLetterUpper);

    private static string AsciiAlphanumeric(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Where(char.IsAsciiLetterOrDigit))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
