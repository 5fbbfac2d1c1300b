namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// Which pods a ReplicaSet removes first when it scales down, as the controller-manager ranks them: not yet
/// scheduled before scheduled, Pending before Unknown before Running, not ready before ready, ready for less
/// time first, more restarts first, newest first. The name breaks remaining ties so runs are repeatable.
/// </summary>
internal sealed class PodDeletionOrder : IComparer<PodView>
{
    public static readonly PodDeletionOrder Instance = new();

    public int Compare(PodView? x, PodView? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byScheduling = (x.NodeName.Length > 0).CompareTo(y.NodeName.Length > 0);
        if (byScheduling != 0)
        {
            return byScheduling;
        }

        var byPhase = PhaseRank(x.Phase).CompareTo(PhaseRank(y.Phase));
        if (byPhase != 0)
        {
            return byPhase;
        }

        var byReady = x.Ready.CompareTo(y.Ready);
        if (byReady != 0)
        {
            return byReady;
        }

        if (x.Ready && x.ReadySince != y.ReadySince)
        {
            // Ready more recently goes first.
            return Nullable.Compare(y.ReadySince, x.ReadySince);
        }

        var byRestarts = y.RestartCount.CompareTo(x.RestartCount);
        if (byRestarts != 0)
        {
            return byRestarts;
        }

        var byAge = y.Created.CompareTo(x.Created);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.Name, y.Name);
    }

    private static int PhaseRank(string phase) => phase switch
    {
        "Pending" => 0,
        "Unknown" => 1,
        "Running" => 2,
        _ => 3,
    };
}
