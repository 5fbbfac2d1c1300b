using System.Globalization;
using System.Text.RegularExpressions;

namespace SovereignOps.Planning.Capacity;

/// <summary>
/// A MIG profile such as <c>3g.40gb</c>: compute slices and memory, and the extended resource the
/// NVIDIA device plugin advertises for it (mixed strategy: <c>nvidia.com/mig-3g.40gb</c>).
/// </summary>
public sealed partial record MigSlice(string Profile, int ComputeSlices, int MemoryGiB)
{
    public const string ResourcePrefix = "nvidia.com/mig-";

    public string ResourceName => ResourcePrefix + Profile;

    public static MigSlice? TryParse(string profile)
    {
        var match = ProfilePattern().Match(profile);
        return match.Success
            ? new MigSlice(profile,
                int.Parse(match.Groups["compute"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["memory"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Whether an extended resource name is a MIG slice.</summary>
    public static bool IsMigResource(string resourceName) => resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal);

    [GeneratedRegex("^(?<compute>[1-7])g\\.(?<memory>[0-9]{1,4})gb$")]
    private static partial Regex ProfilePattern();
}
