namespace SovereignOps.Rendering.Values;

/// <summary>
/// Values for one of the workload charts in <c>charts/</c>. The serialised form is the chart's
/// values file and must satisfy its <c>values.schema.json</c>; <see cref="ChartName"/> and
/// <see cref="ReleaseName"/> only tell the renderer how to call helm and are not serialised.
/// </summary>
public interface IChartValues
{
    /// <summary>Directory name of the chart under the charts root, e.g. <c>sovereign-model</c>.</summary>
    string ChartName { get; }

    /// <summary>Helm release name used for the render.</summary>
    string ReleaseName { get; }

    /// <summary>Namespace of every namespaced object the chart renders.</summary>
    string Namespace { get; }
}
