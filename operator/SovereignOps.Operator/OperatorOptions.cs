namespace SovereignOps.Operator;

/// <summary>Command-line options of the operator host.</summary>
public sealed record OperatorOptions
{
    public string? Kubeconfig { get; init; }

    public bool LeaderElect { get; init; }

    public IReadOnlyList<string> WatchNamespaces { get; init; } = [];

    public int MetricsPort { get; init; } = 8080;

    /// <summary>Parses the arguments; an unknown or incomplete option is an error value, not an exception.</summary>
    public static (OperatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new OperatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--leader-elect")
            {
                options = options with { LeaderElect = true };
                continue;
            }

            if (name is not ("--kubeconfig" or "--watch-namespaces" or "--metrics-port"))
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
                case "--watch-namespaces":
                    options = options with { WatchNamespaces = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                    break;
                default:
                    if (!int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
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
