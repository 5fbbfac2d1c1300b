using System.ComponentModel;
using Spectre.Console.Cli;

namespace SovereignOps.Cli.Commands;

/// <summary>The options every cluster-facing command takes, with kubectl's meaning.</summary>
public class KubeSettings : CommandSettings
{
    [CommandOption("--kubeconfig <FILE>")]
    [Description("Kubeconfig file; default: $KUBECONFIG (paths joined with ':'), then ~/.kube/config, then the in-cluster service account.")]
    public string? Kubeconfig { get; init; }

    [CommandOption("--context <NAME>")]
    [Description("Kubeconfig context to use; default: the current context.")]
    public string? Context { get; init; }
}
