using System.Text.Json.Nodes;
using SovereignOps.Api.Crds;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// What the upgrade goes to: the operator chart's version and appVersion and the operator image it
/// pulls. The CRDs the target serves are this sovereignctl build's (sovereignctl, the chart and the
/// operator are released together; run the target release's sovereignctl for an exact answer).
/// </summary>
public sealed record UpgradeCheckTarget(ReleaseVersion ChartVersion, ReleaseVersion OperatorVersion, string? OperatorImage, string Source)
{
    /// <summary>From a chart folder (Chart.yaml and values.yaml), or a bare version string; null with the reason when neither works.</summary>
    public static (UpgradeCheckTarget? Target, string? Error) Resolve(string? toChart, string? chartsRoot)
    {
        var folder = toChart ?? Path.Combine(chartsRoot ?? Rendering.ChartsDirectory.Locate(), "sovereign-operator");
        if (Directory.Exists(folder))
        {
            return FromFolder(folder);
        }

        if (toChart is not null && ReleaseVersion.TryParse(toChart) is { } version)
        {
            return (new UpgradeCheckTarget(version, version, null, $"version {version}"), null);
        }

        return (null, toChart is null
            ? $"the operator chart was not found at {folder}; pass --to-chart DIR|VERSION"
            : $"--to-chart {toChart} is neither a chart folder nor a version such as 0.2.0");
    }

    private static (UpgradeCheckTarget?, string?) FromFolder(string folder)
    {
        var chart = ReadYaml(Path.Combine(folder, "Chart.yaml"));
        var values = ReadYaml(Path.Combine(folder, "values.yaml"));
        var chartVersion = ReleaseVersion.TryParse(chart?["version"]?.ToString());
        var appVersion = ReleaseVersion.TryParse(chart?["appVersion"]?.ToString());
        if (chartVersion is null || appVersion is null)
        {
            return (null, $"{folder}/Chart.yaml has no semantic version and appVersion");
        }

        var image = values?["image"];
        var registry = image?["registry"]?.ToString();
        var repository = image?["repository"]?.ToString();
        string? reference = null;
        if (!string.IsNullOrEmpty(registry) && !string.IsNullOrEmpty(repository))
        {
            var tag = image?["tag"]?.ToString() is { Length: > 0 } t ? t : appVersion.ToString();
            var digest = image?["digest"]?.ToString() is { Length: > 0 } d ? "@" + d : string.Empty;
            reference = $"{registry}/{repository}:{tag}{digest}";
        }

        return (new UpgradeCheckTarget(chartVersion, appVersion, reference, folder), null);
    }

    private static JsonNode? ReadYaml(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var read = YamlDocumentReader.Read(File.ReadAllBytes(file), file);
        return read.Succeeded && read.Documents.Count > 0 ? read.Documents[0].Root : null;
    }
}
