using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Rendering.Helm;

/// <summary>
/// Finds the helm binary: an explicit path when one is configured, else <c>SOVEREIGNOPS_HELM</c>,
/// else the pinned <c>.tools/bin/helm</c> in a directory above the application, else <c>helm</c> on
/// PATH. The answer names every path it tried, so a missing helm is easy to fix.
/// </summary>
public static class HelmLocator
{
    public const string EnvironmentVariable = "SOVEREIGNOPS_HELM";

    private static readonly string BinaryName = OperatingSystem.IsWindows() ? "helm.exe" : "helm";

    public static HelmLocation Locate(string? configuredPath = null) =>
        Locate(configuredPath, Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The search with every input explicit, for callers (and tests) that control the environment.</summary>
    public static HelmLocation Locate(string? configuredPath, string? environmentPath, string applicationDirectory, string? searchPath)
    {
        // An explicit choice is never second-guessed: if it is wrong, say so rather than fall back.
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Check(configuredPath, "configured path");
        }

        if (!string.IsNullOrWhiteSpace(environmentPath))
        {
            return Check(environmentPath, EnvironmentVariable);
        }

        var tried = new List<string>();
        for (var dir = new DirectoryInfo(applicationDirectory); dir is not null; dir = dir.Parent)
        {
            var pinned = Path.Combine(dir.FullName, ".tools", "bin", BinaryName);
            tried.Add(pinned);
            if (File.Exists(pinned))
            {
                return HelmLocation.Found(pinned);
            }
        }

        foreach (var entry in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(entry, BinaryName);
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return HelmLocation.Found(candidate);
            }
        }

        return HelmLocation.Missing(
            $"helm was not found. Tried {EnvironmentVariable} (unset), .tools/bin/{BinaryName} above {applicationDirectory} and PATH: {string.Join(", ", tried)}. " +
            $"Run 'make tools' or set {EnvironmentVariable} to the helm binary.");
    }

    private static HelmLocation Check(string path, string origin)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full)
            ? HelmLocation.Found(full)
            : HelmLocation.Missing($"helm was not found at {full} (from the {origin}).");
    }
}

/// <summary>Where helm is, or why it could not be found.</summary>
public sealed record HelmLocation
{
    private HelmLocation(string? path, string? problem)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Absolute path of the helm binary; null when it was not found.</summary>
    public string? Path { get; }

    /// <summary>Why helm was not found, naming every path tried; null when it was.</summary>
    public string? Problem { get; }

    [MemberNotNullWhen(true, nameof(Path))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsFound => Path is not null;

    public static HelmLocation Found(string path) => new(path, null);

    public static HelmLocation Missing(string problem) => new(null, problem);
}
