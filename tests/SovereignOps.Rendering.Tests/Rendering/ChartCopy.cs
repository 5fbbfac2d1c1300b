namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>A throw-away copy of a repository chart that a test may break on purpose.</summary>
internal sealed class ChartCopy : IDisposable
{
    private readonly string root;

    private ChartCopy(string root, string directory)
    {
        this.root = root;
        Directory = directory;
    }

    public string Directory { get; }

    public static ChartCopy Of(string chart)
    {
        var root = Path.Combine(Path.GetTempPath(), $"sovereignops-chart-{Guid.NewGuid():N}");
        var target = Path.Combine(root, chart);
        var source = RepoPaths.Combine("charts", chart);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new ChartCopy(root, target);
    }

    /// <summary>Replaces text in one file of the copy; fails when the text is not there, so a test cannot silently test nothing.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Directory, relativePath);
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content, StringComparison.Ordinal);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose() => System.IO.Directory.Delete(root, recursive: true);
}
