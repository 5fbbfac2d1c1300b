using System.Globalization;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Crds;

/// <summary>
/// A SovereignOps release version (semantic versioning: major.minor.patch, optional pre-release).
/// The operator, its chart and sovereignctl share one version, so comparing them is comparing builds.
/// </summary>
public sealed partial record ReleaseVersion(int Major, int Minor, int Patch, string PreRelease) : IComparable<ReleaseVersion>
{
    public static ReleaseVersion? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return null;
        }

        return new ReleaseVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["pre"].Value);
    }

    /// <summary>A release sorts after its own pre-releases; pre-releases compare as text.</summary>
    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        return (PreRelease.Length == 0, other.PreRelease.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(PreRelease, other.PreRelease),
        };
    }

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        PreRelease.Length == 0 ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";

    [GeneratedRegex(@"^v?(?<major>\d{1,6})\.(?<minor>\d{1,6})\.(?<patch>\d{1,6})(-(?<pre>[0-9A-Za-z.-]+))?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Pattern();
}
