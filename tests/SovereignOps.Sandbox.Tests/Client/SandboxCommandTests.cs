using CliWrap.Buffered;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>The entry point behind <c>sovereignctl sandbox</c>: arguments, kubeconfig, node files, clean stop.</summary>
public sealed class SandboxCommandTests
{
    [Fact]
    public void Arguments_parse_with_repeated_node_files_and_bad_usage_is_reported()
    {
        var options = SandboxCommand.Parse(["--port", "7443", "--kubeconfig", "k.yaml", "--nodes", "a.yaml", "--nodes", "b.yaml"], out var error);

        Assert.Null(error);
        Assert.Equal(7443, options!.Port);
        Assert.Equal("k.yaml", options.KubeconfigPath);
        Assert.Equal(["a.yaml", "b.yaml"], options.NodeFiles.ToArray());
        Assert.Null(SandboxCommand.Parse(["--port", "http"], out var bad));
        Assert.Contains("usage: sandbox", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_writes_a_kubeconfig_serves_the_nodes_and_stops_when_cancelled()
    {
        var directory = Directory.CreateTempSubdirectory("sandbox-command-");
        var kubeconfig = Path.Combine(directory.FullName, "kubeconfig");
        var nodes = Path.Combine(directory.FullName, "nodes.yaml");
        await File.WriteAllTextAsync(nodes, """
            apiVersion: v1
            kind: Node
            metadata:
              name: gpu-node-1
              labels: {topology.kubernetes.io/region: th-central}
            status:
              capacity: {nvidia.com/gpu: "8"}
              conditions: [{type: Ready, status: "True"}]
            """);
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();

        var running = SandboxCommand.RunAsync(new SandboxCommandOptions { KubeconfigPath = kubeconfig, NodeFiles = [nodes] }, output, stop.Token);
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(kubeconfig) && output.ToString().Contains("Ctrl-C", StringComparison.Ordinal)), "the sandbox is ready");
        var result = await RunKubectlAsync(kubeconfig, "get", "nodes", "--no-headers");
        await stop.CancelAsync();

        Assert.Equal(0, await running);
        Assert.StartsWith("gpu-node-1", result.Trim(), StringComparison.Ordinal);
        Assert.Contains("Ready", result, StringComparison.Ordinal);
        Assert.Contains("listening on https://127.0.0.1:", output.ToString(), StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_missing_nodes_file_is_a_usage_error()
    {
        var output = new StringWriter();
        var code = await SandboxCommand.RunAsync(new SandboxCommandOptions { NodeFiles = ["/no/such/nodes.yaml"] }, output, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> RunKubectlAsync(string kubeconfig, params string[] args)
    {
        var result = await CliWrap.Cli.Wrap(RepoPaths.Kubectl).WithArguments(["--kubeconfig", kubeconfig, .. args])
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return result.StandardOutput + result.StandardError;
    }
}
