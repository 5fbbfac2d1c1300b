namespace SovereignOps.Planning.Placement;

/// <summary>
/// Nodes dedicated to one customer carry the label and the NoSchedule taint
/// <c>sovereignops.io/dedicated=&lt;profile name&gt;</c>. A dedicated GpuPool's nodes are such nodes
/// (its tolerations name the taint), so a workload pinned to a dedicated pool is on dedicated nodes;
/// anything else that handles a class demanding dedicated nodes requires the label and tolerates
/// the taint.
/// </summary>
public static class DedicatedNodes
{
    public const string Key = "sovereignops.io/dedicated";

    public const string TaintEffect = "NoSchedule";
}
