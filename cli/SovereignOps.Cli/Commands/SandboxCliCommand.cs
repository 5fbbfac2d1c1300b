using System.ComponentModel;
using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Sandbox;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl sandbox [--port N] [--kubeconfig FILE] [--nodes FILE]... [--seed N] [--default-toleration-seconds N]</c>: runs the embedded
/// Kubernetes-compatible API server in the foreground until Ctrl-C (or SIGTERM), then stops cleanly.
/// </summary>
public sealed class SandboxCliCommand(IAnsiConsole console) : AsyncCommand<SandboxCliCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("TCP port on 127.0.0.1; 0 (the default) picks a free one.")]
        [DefaultValue(0)]
        public int Port { get; init; }

        [CommandOption("--kubeconfig <FILE>")]
        [Description("Where to write the kubeconfig (default .sovereign/sandbox.kubeconfig).")]
        public string? Kubeconfig { get; init; }

        [CommandOption("--nodes <FILE>")]
        [Description("A YAML file of v1 Node objects to load; repeat for several files.")]
        public string[] Nodes { get; init; } = [];

        [CommandOption("--seed <SEED>")]
        [Description("Seeds the simulated scheduler's choice between equally good nodes (default 1).")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--default-toleration-seconds <SECONDS>")]
        [Description("How long pods stay on a lost node before eviction (default 300, as on a real API server).")]
        public long? DefaultTolerationSeconds { get; init; }

        public override ValidationResult Validate() =>
            Port is < 0 or > 65535 ? ValidationResult.Error("--port must lie between 0 and 65535")
            : DefaultTolerationSeconds < 0 ? ValidationResult.Error("--default-toleration-seconds must not be negative")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var options = new SandboxCommandOptions { Port = settings.Port, KubeconfigPath = settings.Kubeconfig, NodeFiles = [.. settings.Nodes], Seed = settings.Seed, DefaultTolerationSeconds = settings.DefaultTolerationSeconds };
            return await SandboxCommand.RunAsync(options, console.Profile.Out.Writer, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
