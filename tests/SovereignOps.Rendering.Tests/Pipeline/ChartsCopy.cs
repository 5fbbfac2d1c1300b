using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

/// <summary>A throw-away copy of the whole charts directory, one file of which a test breaks on purpose.</summary>
internal sealed class ChartsCopy : IDisposable
{
    private ChartsCopy(string root) => Root = root;

    public string Root { get; }

    public static ChartsCopy Create()
    {
        var root = Path.Combine(Path.GetTempPath(), $"sovereignops-charts-{Guid.NewGuid():N}");
        var source = RepoPaths.Combine("charts");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new ChartsCopy(root);
    }

    /// <summary>Replaces text in one file; fails when the text is not there, so a test cannot silently test nothing.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public RenderPipeline Pipeline() => new(new HelmRenderer(new HelmRendererOptions
    {
        HelmPath = RepoPaths.Helm,
        ChartsRoot = Root,
        Timeout = TimeSpan.FromSeconds(120),
    }));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
