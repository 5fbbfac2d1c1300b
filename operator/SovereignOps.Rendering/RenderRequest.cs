using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering;

/// <summary>One helm render: a chart directory, the release and namespace, and the values file content.</summary>
public sealed record RenderRequest(string ChartDirectory, string ReleaseName, string Namespace, ChartValuesDocument Values)
{
    /// <summary>A request for the chart the values belong to, under <paramref name="chartsRoot"/>.</summary>
    public static RenderRequest For(IChartValues values, string chartsRoot)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RenderRequest(Path.Combine(chartsRoot, values.ChartName), values.ReleaseName, values.Namespace, ChartValuesDocument.From(values));
    }
}
