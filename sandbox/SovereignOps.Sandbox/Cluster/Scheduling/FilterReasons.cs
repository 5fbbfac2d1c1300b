namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>The reasons kube-scheduler's default filter plugins give for a node that does not fit (v1.34 wording).</summary>
public static class FilterReasons
{
    public const string Unschedulable = "node(s) were unschedulable";
    public const string UntoleratedTaint = "node(s) had untolerated taint(s)";
    public const string NodeAffinity = "node(s) didn't match Pod's node affinity/selector";
    public const string TooManyPods = "Too many pods";

    public const string PreemptionNotHelpful = "Preemption is not helpful for scheduling";
    public const string NoPreemptionVictims = "No preemption victims found for incoming pod";

    /// <summary>What the dynamic-resource-allocation plugin says after a failed cycle for a pod without resource claims.</summary>
    public const string NoClaimsToDeallocate = "no new claims to deallocate";

    public const string NoNodesAvailable = "no nodes available to schedule pods";

    public static string Insufficient(string resource) => "Insufficient " + resource;
}
