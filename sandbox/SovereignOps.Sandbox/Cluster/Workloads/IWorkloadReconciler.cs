namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// One workload controller: brings the object named by a key toward its spec, reading state from the cache,
/// never from the event that queued it. Returns when it wants to look again (a pod becoming available, a
/// deadline), or null.
/// </summary>
internal interface IWorkloadReconciler
{
    WorkloadKind Kind { get; }

    DateTimeOffset? Reconcile(string ns, string name);
}
