using System.Text.Json.Serialization;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>Values of the small charts under TestCharts/: a name and a namespace.</summary>
internal sealed record TestChartValues(
    [property: JsonIgnore] string ChartName,
    string Name,
    string Namespace) : IChartValues
{
    [JsonIgnore]
    public string ReleaseName => Name;

    public static string Directory(string chart) => RepoPaths.Combine("tests", "SovereignOps.Rendering.Tests", "TestCharts", chart);

    public RenderRequest Request() => new(Directory(ChartName), Name, Namespace, ChartValuesDocument.From(this));
}
