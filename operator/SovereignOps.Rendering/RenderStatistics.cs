namespace SovereignOps.Rendering;

/// <summary>
/// Counters of a renderer since it was created; they feed metrics and show what the cache saves.
/// </summary>
/// <param name="Renders">Render calls.</param>
/// <param name="CacheHits">Render calls answered without starting a helm process: from the cache, or by joining an identical render under way.</param>
/// <param name="HelmProcesses">helm processes started.</param>
public sealed record RenderStatistics(long Renders, long CacheHits, long HelmProcesses);
