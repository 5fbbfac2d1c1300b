namespace SovereignOps.Rendering.Caching;

/// <summary>What one helm process produced: its standard output on success, or the error.</summary>
internal sealed record HelmRun(string? Output, RenderError? Error)
{
    public static HelmRun Succeeded(string output) => new(output, null);

    public static HelmRun Failed(RenderError error) => new(null, error);
}
