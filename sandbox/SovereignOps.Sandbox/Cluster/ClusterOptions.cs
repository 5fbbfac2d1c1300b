namespace SovereignOps.Sandbox.Cluster;

/// <summary>How the simulated cluster (scheduler, kubelets, node lifecycle) behaves; every delay follows SandboxOptions.Clock.</summary>
public sealed record ClusterOptions
{
    /// <summary>How long a bound pod's containers take to become ready (per pod: annotation sandbox.sovereignops.io/start-delay).</summary>
    public TimeSpan PodStartDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a pod with restartPolicy Never or OnFailure runs before it finishes (annotation sandbox.sovereignops.io/run-duration).</summary>
    public TimeSpan PodRunDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each kubelet renews its Lease in kube-node-lease.</summary>
    public TimeSpan NodeLeaseInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a kubelet rewrites its node status when nothing changed (the heartbeat in the conditions).</summary>
    public TimeSpan NodeStatusReportInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a node's lease may go unrenewed before the node lifecycle controller marks it Unknown (kube-controller-manager: 50 s).</summary>
    public TimeSpan NodeMonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>How often the node lifecycle controller checks the leases.</summary>
    public TimeSpan NodeMonitorPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The tolerationSeconds the DefaultTolerationSeconds admission gives pods for the not-ready and unreachable
    /// NoExecute taints: how long their pods stay on a lost node before eviction (300 on a real API server).
    /// </summary>
    public long DefaultTolerationSeconds { get; init; } = 300;
}
