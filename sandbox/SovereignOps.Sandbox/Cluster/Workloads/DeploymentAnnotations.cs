using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The annotations the Deployment controller keeps on its ReplicaSets (and the revision on the Deployment):
/// which revision a ReplicaSet is, and the replicas and maximum the Deployment wanted when it last scaled it
/// (what proportional scaling starts from).
/// </summary>
internal static class DeploymentAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string PodTemplateHashLabel = "pod-template-hash";

    private static readonly HashSet<string> NotCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration", Revision, "deployment.kubernetes.io/revision-history",
        DesiredReplicas, MaxReplicas, "deprecated.deployment.rollback.to",
    ];

    /// <summary>
    /// Brings a ReplicaSet's annotations in line with its Deployment: copied Deployment annotations, a revision
    /// raised to <paramref name="newRevision"/> when it is behind, and for a new ReplicaSet the replica counts.
    /// Returns whether anything changed.
    /// </summary>
    public static bool ApplyToNewReplicaSet(JsonObject deploymentMetadata, JsonObject replicaSetMetadata, long newRevision, bool exists, int desired, int maxReplicas)
    {
        var annotations = replicaSetMetadata["annotations"] as JsonObject ?? [];
        var changed = false;
        foreach (var (key, value) in (deploymentMetadata["annotations"] as JsonObject) ?? [])
        {
            if (!NotCopied.Contains(key) && annotations.GetString(key) != value?.ToString())
            {
                annotations[key] = value?.ToString();
                changed = true;
            }
        }

        var current = long.TryParse(annotations.GetString(Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        if (current < newRevision)
        {
            annotations[Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
        }

        if (!exists)
        {
            changed |= SetReplicas(annotations, desired, maxReplicas);
        }

        if (changed)
        {
            replicaSetMetadata["annotations"] = annotations;
        }

        return changed;
    }

    /// <summary>Records the Deployment's replicas and maximum on a ReplicaSet being scaled; true when they changed.</summary>
    public static bool SetReplicas(JsonObject annotations, int desired, int maxReplicas)
    {
        var desiredText = desired.ToString(CultureInfo.InvariantCulture);
        var maxText = maxReplicas.ToString(CultureInfo.InvariantCulture);
        if (annotations.GetString(DesiredReplicas) == desiredText && annotations.GetString(MaxReplicas) == maxText)
        {
            return false;
        }

        annotations[DesiredReplicas] = desiredText;
        annotations[MaxReplicas] = maxText;
        return true;
    }
}
