using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>A renderer on the repository's charts and the pinned helm.</summary>
internal static class TestRenderer
{
    public static HelmRenderer Create(TimeSpan? timeout = null) => new(new HelmRendererOptions
    {
        HelmPath = RepoPaths.Helm,
        ChartsRoot = RepoPaths.Combine("charts"),
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    });

    public static async Task<RenderedManifest> RenderAsync(IChartValues values)
    {
        var result = await Create().RenderAsync(values);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Manifest;
    }
}
