namespace SovereignOps.Planning.Placement;

/// <summary>
/// How nodes are set aside for a data class that demands dedicated nodes: the cluster labels them
/// <c>sovereignops.io/dedicated=&lt;DataClass&gt;</c> and taints them with the same key and value
/// (effect NoSchedule), so only workloads that both require the label and tolerate the taint land there.
/// </summary>
public static class DedicatedNodes
{
    public const string Key = "sovereignops.io/dedicated";

    public const string TaintEffect = "NoSchedule";
}
