using System.Text.RegularExpressions;

namespace SovereignOps.Sandbox.Registry;

/// <summary>
/// Orders API versions the way Kubernetes prefers them: GA before beta before alpha, higher numbers
/// first within a level, and names that are not Kubernetes versions last, alphabetically.
/// </summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? "");
        var b = Rank(y ?? "");
        if (a.Level != b.Level)
        {
            return a.Level.CompareTo(b.Level);
        }

        if (a.Level == 3)
        {
            return string.CompareOrdinal(x, y);
        }

        return a.Major != b.Major ? b.Major.CompareTo(a.Major) : b.Minor.CompareTo(a.Minor);
    }

    private static (int Level, int Major, int Minor) Rank(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(match.Groups[1].Value);
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : 0;
        var level = match.Groups[2].Value switch
        {
            "" => 0,
            "beta" => 1,
            _ => 2,
        };
        return (level, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex VersionPattern();
}
