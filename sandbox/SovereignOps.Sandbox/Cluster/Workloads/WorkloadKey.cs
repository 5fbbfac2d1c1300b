namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>What a workload reconciler is responsible for; one work-queue key space per kind.</summary>
internal enum WorkloadKind
{
    Deployment,
    ReplicaSet,
    StatefulSet,
    Job,
    Service,
    DisruptionBudget,
    VolumeClaim,
}

/// <summary>A work-queue key: the reconciler's kind plus the object's namespace and name.</summary>
internal readonly record struct WorkloadKey(WorkloadKind Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
