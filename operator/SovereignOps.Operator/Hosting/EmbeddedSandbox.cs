using SovereignOps.Sandbox;

namespace SovereignOps.Operator.Hosting;

/// <summary>
/// <c>--sandbox</c>: the sandbox API server in this process, loaded with the nodes of every example
/// country, reached by the operator over HTTPS like any cluster. The examples folder is looked for
/// from the working directory and from the executable's directory upwards.
/// </summary>
public static class EmbeddedSandbox
{
    public static async Task<(SandboxServer? Server, string? Error)> StartAsync(string? kubeconfigPath, CancellationToken cancellationToken)
    {
        if (FindExamples() is not { } examples)
        {
            return (null, "--sandbox needs the examples folder (with <country>/nodes.yaml) in or above the working directory");
        }

        var nodeFiles = Directory.GetDirectories(examples)
            .Select(d => Path.Combine(d, "nodes.yaml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var server = await SandboxServer.StartAsync(new SandboxOptions { NodeFiles = [.. nodeFiles] }, cancellationToken);
        if (kubeconfigPath is not null)
        {
            server.WriteKubeconfig(kubeconfigPath);
        }

        return (server, null);
    }

    private static string? FindExamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "examples");
                if (Directory.Exists(candidate) && Directory.GetDirectories(candidate).Any(d => File.Exists(Path.Combine(d, "nodes.yaml"))))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
