using System.Globalization;
using System.Text.Json.Nodes;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// The cluster's Kubernetes version against the range this release is tested on. One minor newer
/// than tested is a warning: KubernetesClient and kubectl support one minor of skew either way, so it
/// works, untested. Anything further out is a failure.
/// </summary>
public static class UpgradeCheckServerVersion
{
    public const string Name = "kubernetes-version";
    public const int OldestMinor = 30;
    public const int NewestMinor = 34;

    public static CheckResult Run(JsonObject version)
    {
        var git = version["gitVersion"]?.ToString() ?? "unknown";
        var major = Number(version["major"]?.ToString());
        var minor = Number(version["minor"]?.ToString());
        if (major != 1 || minor is null)
        {
            return CheckResult.Fail(Name, "server", $"cannot read the server version ({git})");
        }

        var range = $"1.{OldestMinor}–1.{NewestMinor}";
        return minor switch
        {
            < OldestMinor => CheckResult.Fail(Name, "server", $"Kubernetes {git} is older than the supported range {range}; upgrade the cluster first"),
            <= NewestMinor => CheckResult.Pass(Name, "server", $"Kubernetes {git} is within the supported range {range}"),
            NewestMinor + 1 => CheckResult.Warn(Name, "server", $"Kubernetes {git} is one minor newer than tested ({range}); within the one-minor client skew policy, untested"),
            _ => CheckResult.Fail(Name, "server", $"Kubernetes {git} is beyond the supported range {range} and the one-minor client skew policy"),
        };
    }

    /// <summary>"34" or "34+" (some providers add a plus) as a number.</summary>
    private static int? Number(string? text)
    {
        var digits = new string((text ?? string.Empty).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
