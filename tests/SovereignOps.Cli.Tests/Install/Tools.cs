using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace SovereignOps.Cli.Tests.Install;

/// <summary>
/// Runs the pinned helm and kubectl with a private HOME and helm cache, so tests never read or
/// write the developer's configuration, and fails a test with the tool's own output.
/// </summary>
internal sealed class Tools(string workDirectory, string? kubeconfig = null)
{
    public Task<BufferedCommandResult> HelmAsync(params string[] args) =>
        RunAsync(RepoPaths.Helm, null, kubeconfig is null ? args : [.. args, "--kubeconfig", kubeconfig]);

    public Task<BufferedCommandResult> KubectlAsync(params string[] args) =>
        RunAsync(RepoPaths.Kubectl, null, kubeconfig is null ? args : ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(workDirectory, "kubectl-cache"), .. args]);

    public Task<BufferedCommandResult> KubectlWithInputAsync(string stdin, params string[] args) =>
        RunAsync(RepoPaths.Kubectl, stdin, kubeconfig is null ? args : ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(workDirectory, "kubectl-cache"), .. args]);

    private async Task<BufferedCommandResult> RunAsync(string tool, string? stdin, string[] args)
    {
        var command = CliWrap.Cli.Wrap(tool)
            .WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(env => env
                .Set("HOME", workDirectory)
                .Set("KUBECONFIG", kubeconfig ?? Path.Combine(workDirectory, "no-kubeconfig"))
                .Set("HELM_CACHE_HOME", Path.Combine(workDirectory, "helm-cache"))
                .Set("HELM_CONFIG_HOME", Path.Combine(workDirectory, "helm-config"))
                .Set("HELM_DATA_HOME", Path.Combine(workDirectory, "helm-data")));
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin, Encoding.UTF8));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await command.ExecuteBufferedAsync(timeout.Token);
    }
}

internal static class ToolResults
{
    /// <summary>The standard output of a command that must succeed; otherwise the test fails with both streams.</summary>
    public static string Succeeded(this BufferedCommandResult result)
    {
        if (!result.IsSuccess)
        {
            throw new Xunit.Sdk.XunitException($"exit {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
        }

        return result.StandardOutput;
    }
}
