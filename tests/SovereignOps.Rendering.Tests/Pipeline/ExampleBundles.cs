using System.Collections.Concurrent;
using SovereignOps.Api.Bundles;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>The example countries, loaded as sovereignctl loads them, and a pipeline on the pinned helm.</summary>
internal static class ExampleBundles
{
    public static readonly string[] Countries = ["thailand", "saudi-arabia", "korea"];

    public static Bundle Load(params string[] countries)
    {
        var loaded = BundleLoader.Load(countries.Select(c => RepoPaths.Combine("examples", c)));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        return loaded.Bundle!;
    }

    public static RenderPipeline Pipeline() => new(new HelmRenderer(new HelmRendererOptions
    {
        HelmPath = RepoPaths.Helm,
        ChartsRoot = RepoPaths.Combine("charts"),
        Timeout = TimeSpan.FromSeconds(120),
    }));

    private static readonly ConcurrentDictionary<string, Lazy<Task<PipelineResult>>> Rendered = new(StringComparer.Ordinal);

    /// <summary>
    /// The pipeline's result for the countries, rendered once per test run and shared by the tests
    /// that only read it (helm takes seconds per chart on a busy machine).
    /// </summary>
    public static async Task<PipelineResult> RenderAsync(params string[] countries)
    {
        var result = await Rendered.GetOrAdd(string.Join(",", countries), _ => new Lazy<Task<PipelineResult>>(() => Pipeline().RunAsync(Load(countries)))).Value;
        Assert.True(result.Succeeded, $"{result.FailedStage}:\n" + string.Join("\n", result.Reasons()));
        return result;
    }
}
