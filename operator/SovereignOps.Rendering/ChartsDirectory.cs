namespace SovereignOps.Rendering;

/// <summary>
/// Finds the directory holding the workload charts: an explicit path when configured, else
/// <c>SOVEREIGNOPS_CHARTS</c>, else a <c>charts</c> directory (with sovereign-model in it) above the
/// application, which is where a checkout and a published build both keep it.
/// </summary>
public static class ChartsDirectory
{
    public const string EnvironmentVariable = "SOVEREIGNOPS_CHARTS";

    public static string Locate(string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "charts");
            if (File.Exists(Path.Combine(candidate, "sovereign-model", "Chart.yaml")))
            {
                return candidate;
            }
        }

        // Nothing found: answer the conventional location so the render fails naming it.
        return Path.Combine(AppContext.BaseDirectory, "charts");
    }
}
