namespace SovereignOps.Rendering;

public sealed record HelmRendererOptions
{
    /// <summary>Path of the helm binary; null to locate it (see <see cref="Helm.HelmLocator"/>).</summary>
    public string? HelmPath { get; init; }

    /// <summary>Directory holding the workload charts; null to locate it (see <see cref="ChartsDirectory"/>).</summary>
    public string? ChartsRoot { get; init; }

    /// <summary>How long one helm process may run before it is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many distinct renders (chart content, values, release, namespace) are remembered. Held
    /// compressed (a few KiB each), so the default covers every chart of a 50-customer fleet, and a
    /// change to one model re-renders its profile with one helm process, not one per chart.
    /// </summary>
    public int CacheCapacity { get; init; } = 4096;
}
