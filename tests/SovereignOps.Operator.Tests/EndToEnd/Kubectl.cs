using System.Diagnostics;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>The pinned kubectl against a sandbox, as an ops team would run it.</summary>
internal sealed class Kubectl(string kubeconfig)
{
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(RepoPaths.Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in (string[])["--kubeconfig", kubeconfig, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs kubectl and fails the test when it does not succeed.</summary>
    public async Task<string> SucceedAsync(params string[] args)
    {
        var (code, output) = await RunAsync(args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)} exited {code}: {output}");
        return output;
    }
}
