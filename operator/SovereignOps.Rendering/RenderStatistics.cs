namespace SovereignOps.Rendering;

/// <summary>Counters of a renderer since it was created; they feed metrics.</summary>
public sealed record RenderStatistics(long Renders, long HelmProcesses);
