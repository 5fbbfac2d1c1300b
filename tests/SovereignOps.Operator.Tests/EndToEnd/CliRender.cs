using SovereignOps.Api.Bundles;
using SovereignOps.Rendering;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>What <c>sovereignctl render</c> produces for example countries: the objects the operator must end up applying.</summary>
internal static class CliRender
{
    private static readonly SemaphoreSlim Gate = new(1);
    private static readonly Dictionary<string, PipelineResult> Cache = [];

    /// <summary>Every rendered object as <c>Kind namespace/name</c>.</summary>
    public static async Task<IReadOnlySet<string>> ObjectsAsync(params string[] countries) =>
        (await RunAsync(countries)).Manifests.SelectMany(m => m.Objects).Select(o => $"{o.Kind} {o.Namespace}/{o.Name}").ToHashSet(StringComparer.Ordinal);

    /// <summary>GPUs per replica the CLI plans for each model, by <c>namespace/name</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> GpusPerReplicaAsync(params string[] countries) =>
        (await RunAsync(countries)).Plan!.Capacity.Models.ToDictionary(m => m.Key, m => m.Layout!.DevicesPerReplica, StringComparer.Ordinal);

    /// <summary>Each Deployment the CLI renders, by <c>namespace/name</c>, for comparing what was applied field by field.</summary>
    public static async Task<IReadOnlyDictionary<string, k8s.Models.V1Deployment>> DeploymentsAsync(params string[] countries) =>
        (await RunAsync(countries)).Manifests.SelectMany(m => m.Objects)
            .Where(o => o.Object is k8s.Models.V1Deployment)
            .ToDictionary(o => $"{o.Namespace}/{o.Name}", o => (k8s.Models.V1Deployment)o.Object, StringComparer.Ordinal);

    private static async Task<PipelineResult> RunAsync(string[] countries)
    {
        var id = string.Join(",", countries);
        await Gate.WaitAsync();
        try
        {
            if (Cache.TryGetValue(id, out var known))
            {
                return known;
            }

            var loaded = BundleLoader.Load(countries.Select(c => RepoPaths.Combine("examples", c)));
            Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
            var pipeline = new RenderPipeline(new HelmRenderer(new HelmRendererOptions { HelmPath = RepoPaths.Helm, ChartsRoot = RepoPaths.Combine("charts") }), 2);
            var result = await pipeline.RunAsync(loaded.Bundle!);
            Assert.True(result.Succeeded, string.Join("; ", result.Reasons()));
            Cache[id] = result;
            return result;
        }
        finally
        {
            Gate.Release();
        }
    }
}
