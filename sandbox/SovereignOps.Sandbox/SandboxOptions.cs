using System.Collections.Immutable;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Faults;

namespace SovereignOps.Sandbox;

/// <summary>How to start a sandbox API server.</summary>
public sealed record SandboxOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The bearer token clients must present; a random one when null.</summary>
    public string? Token { get; init; }

    /// <summary>Events kept per resource for watch resumption; older resumes get 410 Expired.</summary>
    public int WatchHistory { get; init; } = 5000;

    /// <summary>How often an idle watch that asked for bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a watch without timeoutSeconds stays open.</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Faults to inject from the start (none by default).</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>YAML files of v1 Node objects to load at start.</summary>
    public ImmutableArray<string> NodeFiles { get; init; } = [];

    /// <summary>Where unexpected request failures are reported (they also answer 500); null to stay silent.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>The simulated cluster's timings: pod start and run times, node heartbeats, node monitoring, eviction.</summary>
    public ClusterOptions Cluster { get; init; } = new();

    /// <summary>Seeds the scheduler's tie-break between equally good nodes and the names the workload controllers make up: the same seed and inputs give the same pods on the same nodes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Runs the workload controllers (Deployments, ReplicaSets, StatefulSets, Jobs, Endpoints, budgets, claims).</summary>
    public bool WorkloadControllers { get; init; } = true;

    /// <summary>The clock for timestamps and ages; tests may pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
