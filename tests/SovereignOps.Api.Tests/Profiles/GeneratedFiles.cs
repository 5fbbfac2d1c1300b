using SovereignOps.Api.Bundles;
using SovereignOps.Api.Profiles;

namespace SovereignOps.Api.Tests.Profiles;

/// <summary>Loads generated files the way <c>sovereignctl validate</c> loads files from disk: safe YAML, CRD schema, strict typing.</summary>
internal static class GeneratedFiles
{
    public static BundleLoadResult[] LoadEach(IEnumerable<BundleFile> files) =>
        files.Select(f => BundleLoader.LoadText(f.Content, f.RelativePath)).ToArray();

    /// <summary>The bundle of every file; fails the calling test with every load error when any file is invalid.</summary>
    public static Bundle Load(IEnumerable<BundleFile> files)
    {
        var results = LoadEach(files);
        Assert.Empty(results.SelectMany(r => r.Errors).Select(e => e.ToString()));
        var bundle = new Bundle();
        foreach (var result in results)
        {
            bundle.Add(result.Bundle!);
        }

        return bundle;
    }
}
