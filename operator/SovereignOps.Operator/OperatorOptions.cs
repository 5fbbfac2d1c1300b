using System.Globalization;

namespace SovereignOps.Operator;

/// <summary>Command-line options of the operator host.</summary>
public sealed record OperatorOptions
{
    /// <summary>Kubeconfig to connect with; with <see cref="Sandbox"/>, where the sandbox's kubeconfig is written.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Run the sandbox API server in process, with the examples' nodes, and reconcile against it over HTTPS.</summary>
    public bool Sandbox { get; init; }

    public bool LeaderElect { get; init; }

    /// <summary>Where the leader-election Lease lives; defaults to POD_NAMESPACE, else kube-system.</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>Namespaces the namespaced kinds are watched in (<c>--namespace</c> for one, <c>--watch-namespaces</c> for a list); empty watches all.</summary>
    public IReadOnlyList<string> WatchNamespaces { get; init; } = [];

    public int MetricsPort { get; init; } = 8080;

    /// <summary>Whether the CRDs are applied at start or only verified (<c>--crd-policy apply|verify</c>).</summary>
    public CrdPolicy CrdPolicy { get; init; } = CrdPolicy.Apply;

    private static readonly string[] Valued = ["--kubeconfig", "--watch-namespaces", "--namespace", "--metrics-port", "--lease-namespace", "--crd-policy"];

    /// <summary>Parses the arguments; an unknown or incomplete option is an error value, not an exception.</summary>
    public static (OperatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new OperatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--leader-elect":
                    options = options with { LeaderElect = true };
                    continue;
                case "--sandbox":
                    options = options with { Sandbox = true };
                    continue;
            }

            if (!Valued.Contains(name))
            {
                return (null, $"unknown option {name}");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--kubeconfig":
                    options = options with { Kubeconfig = value };
                    break;
                case "--lease-namespace":
                    options = options with { LeaseNamespace = value };
                    break;
                case "--crd-policy":
                    if (CrdInstallOptions.ParsePolicy(value) is not { } policy)
                    {
                        return (null, $"--crd-policy expects apply or verify, got {value}");
                    }

                    options = options with { CrdPolicy = policy };
                    break;
                case "--namespace" or "--watch-namespaces":
                    options = options with
                    {
                        WatchNamespaces = [.. options.WatchNamespaces, .. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    };
                    break;
                default:
                    if (!int.TryParse(value, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                    {
                        return (null, $"--metrics-port expects a port number, got {value}");
                    }

                    options = options with { MetricsPort = port };
                    break;
            }
        }

        return (options, null);
    }
}
