namespace SovereignOps.Testing;

/// <summary>Locates the repository and the pinned tools from a test's working directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string Tools =>
        Environment.GetEnvironmentVariable("SOVEREIGNOPS_TOOLS") is { Length: > 0 } tools
            ? tools
            : Path.Combine(Root, ".tools", "bin");

    /// <summary>The pinned helm 4.1.4 installed by <c>make tools</c>.</summary>
    public static string Helm => RequireTool("helm");

    /// <summary>The pinned kubectl 1.34.5 installed by <c>make tools</c> (never the one on PATH).</summary>
    public static string Kubectl => RequireTool("kubectl");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string RequireTool(string name)
    {
        var path = Path.Combine(Tools, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} is not installed at {path}; run 'make tools' first.");
        }

        return path;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SOVEREIGNOPS_ROOT") is { Length: > 0 } root)
        {
            return root;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SovereignOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SovereignOps.sln not found above " + AppContext.BaseDirectory);
    }
}
