namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>A node taint; <see cref="TimeAdded"/> is set for NoExecute taints the node lifecycle controller adds.</summary>
public sealed record Taint(string Key, string Value, string Effect, DateTimeOffset? TimeAdded = null)
{
    public const string NoSchedule = "NoSchedule";
    public const string PreferNoSchedule = "PreferNoSchedule";
    public const string NoExecute = "NoExecute";

    public const string NotReadyKey = "node.kubernetes.io/not-ready";
    public const string UnreachableKey = "node.kubernetes.io/unreachable";
    public const string UnschedulableKey = "node.kubernetes.io/unschedulable";
}

/// <summary>A pod toleration, matched against taints the way the API's ToleratesTaint does.</summary>
public sealed record Toleration(string Key, string Operator, string Value, string Effect, long? TolerationSeconds)
{
    public bool Tolerates(Taint taint)
    {
        if (Effect.Length > 0 && Effect != taint.Effect)
        {
            return false;
        }

        if (Key.Length > 0 && Key != taint.Key)
        {
            return false;
        }

        return Operator switch
        {
            "Exists" => true,
            "" or "Equal" => Value == taint.Value,
            _ => false,
        };
    }
}
