using System.Collections.Immutable;
using SovereignOps.Sandbox.Cluster;

namespace SovereignOps.Sandbox;

/// <summary>What <c>sovereignctl sandbox</c> takes on its command line.</summary>
public sealed record SandboxCommandOptions
{
    public int Port { get; init; }

    /// <summary>Where to write the kubeconfig; defaults to .sovereign/sandbox.kubeconfig in the working directory.</summary>
    public string? KubeconfigPath { get; init; }

    public ImmutableArray<string> NodeFiles { get; init; } = [];

    /// <summary>Seeds the scheduler's tie-break: the same seed places the same pods on the same nodes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long pods tolerate a lost node before eviction (DefaultTolerationSeconds); null keeps the API server's 300.</summary>
    public long? DefaultTolerationSeconds { get; init; }
}

/// <summary>
/// The entry point behind <c>sovereignctl sandbox</c>: starts the server, writes the kubeconfig, prints the
/// URL and how to use it, and runs until cancelled (Ctrl-C), then stops cleanly.
/// </summary>
public static class SandboxCommand
{
    public const string DefaultKubeconfig = ".sovereign/sandbox.kubeconfig";

    /// <summary>Parses <c>[--port N] [--kubeconfig FILE] [--nodes FILE]... [--seed N] [--default-toleration-seconds N]</c>; returns null and an error for bad usage.</summary>
    public static SandboxCommandOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new SandboxCommandOptions();
        var nodes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (arg)
            {
                case "--port" when value is not null && int.TryParse(value, out var port) && port is >= 0 and <= 65535:
                    options = options with { Port = port };
                    i++;
                    break;
                case "--kubeconfig" when value is not null:
                    options = options with { KubeconfigPath = value };
                    i++;
                    break;
                case "--nodes" when value is not null:
                    nodes.Add(value);
                    i++;
                    break;
                case "--seed" when value is not null && int.TryParse(value, out var seed):
                    options = options with { Seed = seed };
                    i++;
                    break;
                case "--default-toleration-seconds" when value is not null && long.TryParse(value, out var tolerationSeconds) && tolerationSeconds >= 0:
                    options = options with { DefaultTolerationSeconds = tolerationSeconds };
                    i++;
                    break;
                default:
                    error = $"unexpected argument '{arg}'; usage: sandbox [--port N] [--kubeconfig FILE] [--nodes FILE]... [--seed N] [--default-toleration-seconds N]";
                    return null;
            }
        }

        return options with { NodeFiles = nodes.ToImmutable() };
    }

    /// <summary>Runs the sandbox until <paramref name="cancellationToken"/> fires. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(SandboxCommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var missing = options.NodeFiles.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            await output.WriteLineAsync($"error: nodes file {missing} does not exist");
            return 2;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(new SandboxOptions
            {
                Port = options.Port,
                NodeFiles = options.NodeFiles,
                Seed = options.Seed,
                Cluster = options.DefaultTolerationSeconds is { } seconds ? new ClusterOptions { DefaultTolerationSeconds = seconds } : new ClusterOptions(),
                Log = Console.Error,
            }, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }

        await using (server)
        {
            var kubeconfig = Path.GetFullPath(options.KubeconfigPath ?? DefaultKubeconfig);
            server.WriteKubeconfig(kubeconfig);
            await output.WriteLineAsync($"sandbox API server listening on {server.Url} (ready in {started.ElapsedMilliseconds} ms)");
            await output.WriteLineAsync($"kubeconfig written to {kubeconfig}");
            if (!options.NodeFiles.IsEmpty)
            {
                await output.WriteLineAsync($"simulated cluster: {server.Store.List(new Registry.GroupResource("", "nodes"), null).Items.Count} nodes, scheduler seed {options.Seed}");
            }

            await output.WriteLineAsync($"try: KUBECONFIG={kubeconfig} kubectl get namespaces");
            await output.WriteLineAsync("press Ctrl-C to stop");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("stopping sandbox");
            }
        }

        return 0;
    }
}
