namespace SovereignOps.Rendering.Values;

/// <summary>The non-root identity every container runs as.</summary>
public sealed record SecurityValues
{
    public long RunAsUser { get; init; } = 1000;

    public long RunAsGroup { get; init; } = 1000;

    public long FsGroup { get; init; } = 1000;
}

/// <summary>Rolling-update bounds.</summary>
public sealed record RolloutValues
{
    public IntOrPercent MaxSurge { get; init; } = IntOrPercent.Pods(0);

    public IntOrPercent MaxUnavailable { get; init; } = IntOrPercent.Pods(1);
}

/// <summary>Type and port of a Service. The residency guard decides whether NodePort or LoadBalancer is allowed.</summary>
public sealed record ServiceValues
{
    /// <summary>ClusterIP, NodePort or LoadBalancer.</summary>
    public string Type { get; init; } = "ClusterIP";

    public required int Port { get; init; }
}
