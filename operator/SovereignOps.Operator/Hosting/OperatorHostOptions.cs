using SovereignOps.Rendering;
using SovereignOps.Runtime.Leadership;

namespace SovereignOps.Operator.Hosting;

/// <summary>How the controllers of one operator instance are wired.</summary>
public sealed record OperatorHostOptions
{
    /// <summary>Namespaces the namespaced kinds are watched in; empty watches all.</summary>
    public IReadOnlyList<string> WatchNamespaces { get; init; } = [];

    /// <summary>Campaign for this lease before reconciling; null reconciles at once.</summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    public HelmRendererOptions Helm { get; init; } = new();

    /// <summary>Keys each controller reconciles at once.</summary>
    public int Concurrency { get; init; } = 2;
}
