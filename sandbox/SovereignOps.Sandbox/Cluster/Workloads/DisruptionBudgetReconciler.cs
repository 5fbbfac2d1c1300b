using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The disruption controller's status for a PodDisruptionBudget: healthy (ready, not deleting) selected
/// pods against the desired count from minAvailable or maxUnavailable. A whole number of minAvailable is
/// measured against the selected pods; a percentage, and maxUnavailable, against the scale of the pods'
/// controllers (a Deployment's replicas for its ReplicaSets' pods, a StatefulSet's, a bare ReplicaSet's).
/// </summary>
internal sealed class DisruptionBudgetReconciler(WorkloadContext context) : IWorkloadReconciler
{
    public WorkloadKind Kind => WorkloadKind.DisruptionBudget;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var budget = context.Cache.DisruptionBudgets.Get(ns, name);
        if (budget is null || budget.IsDeleting)
        {
            return null;
        }

        var obj = budget.ToJsonObject();
        var spec = obj["spec"] as JsonObject ?? [];
        var generation = obj.Metadata().GetLong("generation") ?? 0;
        var selector = SelectorCache.Of(budget);
        var pods = context.Cache.Pods.InNamespace(ns).Where(p => selector.Matches(p.Labels)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var healthy = pods.Count(p => !p.Deleting && p.Ready);
        var minAvailable = IntOrPercent.From(spec["minAvailable"]);
        var maxUnavailable = IntOrPercent.From(spec["maxUnavailable"]);

        int expected;
        int desired;
        string? failure = null;
        if (maxUnavailable is { } unavailable)
        {
            (expected, failure) = ExpectedScale(pods);
            desired = Math.Max(0, expected - unavailable.Scale(expected, roundUp: true));
        }
        else if (minAvailable is { IsPercent: false } count)
        {
            expected = pods.Count;
            desired = count.Value;
        }
        else if (minAvailable is { } percent)
        {
            (expected, failure) = ExpectedScale(pods);
            desired = percent.Scale(expected, roundUp: true);
        }
        else
        {
            expected = pods.Count;
            desired = 0;
        }

        var allowed = failure is null ? Math.Max(0, healthy - desired) : 0;
        var status = new JsonObject();
        StatusWrite.SetCount(status, "observedGeneration", generation);
        status["disruptionsAllowed"] = allowed;
        status["currentHealthy"] = healthy;
        status["desiredHealthy"] = failure is null ? desired : 0;
        status["expectedPods"] = failure is null ? expected : 0;
        var stored = obj["status"] as JsonObject;
        var previous = (stored?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "DisruptionAllowed");
        var (value, reason, message) = failure is not null ? ("False", "SyncFailed", failure)
            : allowed > 0 ? ("True", "SufficientPods", "")
            : ("False", "InsufficientPods", "");
        var transition = previous is not null && previous.GetString("status") == value ? previous["lastTransitionTime"]?.DeepClone() : SandboxJson.Timestamp(context.Now);
        status["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "DisruptionAllowed",
            ["status"] = value,
            ["observedGeneration"] = generation,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        });
        StatusWrite.IfChanged(context, ClusterCache.DisruptionBudgetsResource, ns, name, budget.Uid, status);
        return null;
    }

    /// <summary>The summed scale of the selected pods' controllers, each counted once; an error for a pod no scalable controller owns.</summary>
    private (int Expected, string? Failure) ExpectedScale(List<PodView> pods)
    {
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Controller is not { } owner)
            {
                return (0, $"found no controller ref for pod \"{pod.Name}\"");
            }

            var scale = owner.Kind switch
            {
                "ReplicaSet" => ReplicaSetScale(pod.Namespace, owner),
                "StatefulSet" => Scale(context.Cache.StatefulSets.Get(pod.Namespace, owner.Name), owner.Uid),
                _ => null,
            };
            if (scale is not { } found)
            {
                return (0, $"found no controllers for pod \"{pod.Name}\"");
            }

            counted[found.Uid] = found.Replicas;
        }

        return (counted.Values.Sum(), null);
    }

    private (string Uid, int Replicas)? ReplicaSetScale(string ns, OwnerReference owner)
    {
        var rs = context.Cache.ReplicaSets.Get(ns, owner.Name);
        if (rs is null || rs.Uid != owner.Uid)
        {
            return null;
        }

        return rs.Owners.FirstOrDefault(o => o.Controller) is { Kind: "Deployment" } deployment
            ? Scale(context.Cache.Deployments.Get(ns, deployment.Name), deployment.Uid)
            : Scale(rs, rs.Uid);
    }

    private static (string Uid, int Replicas)? Scale(StoredObject? controller, string uid) =>
        controller is null || controller.Uid != uid
            ? null
            : (uid, (int)(controller.ToJsonObject().At("spec.replicas") is JsonValue v && v.TryGetValue<long>(out var replicas) ? replicas : 1));
}
