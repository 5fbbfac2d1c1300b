namespace SovereignOps.Rendering.Tests.Charts;

/// <summary>The workload charts in the repository and the example values each one ships in ci/.</summary>
internal static class ChartCatalog
{
    public static readonly IReadOnlyList<string> Names = ["sovereign-model", "sovereign-agent", "sovereign-tenant"];

    public static string Directory(string chart) => RepoPaths.Combine("charts", chart);

    public static IEnumerable<string> CiValues(string chart) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory(chart), "ci"), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>Every (chart, values file) pair; an empty values file name stands for the chart's defaults.</summary>
    public static TheoryData<string, string> ChartsWithValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var chart in Names)
        {
            data.Add(chart, string.Empty);
            foreach (var file in CiValues(chart))
            {
                data.Add(chart, Path.GetFileName(file));
            }
        }

        return data;
    }
}
