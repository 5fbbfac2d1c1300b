namespace SovereignOps.Rendering.Caching;

/// <summary>Everything a render's output depends on: the chart's content, the values, the release and the namespace.</summary>
internal readonly record struct RenderKey(string ChartDigest, string ValuesSha256, string ReleaseName, string Namespace);
