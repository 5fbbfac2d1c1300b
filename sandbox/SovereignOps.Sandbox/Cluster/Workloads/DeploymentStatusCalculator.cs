using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A Deployment's status from its ReplicaSets, and the Progressing condition's verdict: complete, progressing
/// (any count moved the right way since the stored status), or out of time (no progress for
/// progressDeadlineSeconds since the condition last changed).
/// </summary>
internal static class DeploymentStatusCalculator
{
    /// <summary>The value that switches progress deadlines off.</summary>
    public const long NoProgressDeadline = int.MaxValue;

    public static JsonObject Calculate(JsonObject deployment, IReadOnlyList<ReplicaSetState> all, ReplicaSetState? newRs, JsonObject workingStatus, DateTimeOffset now)
    {
        var spec = deployment["spec"] as JsonObject ?? [];
        var desired = (int)(spec.GetLong("replicas") ?? 1);
        var available = all.Sum(r => r.AvailableReplicas);
        var total = all.Sum(r => r.Replicas);
        var status = new JsonObject();
        StatusWrite.SetCount(status, "observedGeneration", deployment.Metadata().GetLong("generation") ?? 0);
        StatusWrite.SetCount(status, "replicas", all.Sum(r => r.StatusReplicas));
        StatusWrite.SetCount(status, "updatedReplicas", newRs?.StatusReplicas ?? 0);
        StatusWrite.SetCount(status, "readyReplicas", all.Sum(r => r.ReadyReplicas));
        StatusWrite.SetCount(status, "availableReplicas", available);
        StatusWrite.SetCount(status, "unavailableReplicas", Math.Max(0, total - available));
        if (workingStatus["conditions"] is JsonArray conditions)
        {
            status["conditions"] = conditions.DeepClone();
        }

        StatusWrite.SetCount(status, "collisionCount", workingStatus.GetLong("collisionCount") ?? 0);
        var maxUnavailable = RollingUpdateBounds.For(spec, desired).MaxUnavailable;
        DeploymentConditions.Set(status, available >= desired - maxUnavailable
            ? DeploymentConditions.New(DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", now)
            : DeploymentConditions.New(DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now));
        return status;
    }

    public static long ProgressDeadline(JsonObject deployment) => deployment.At("spec.progressDeadlineSeconds") is JsonValue v && v.TryGetValue<long>(out var seconds) ? seconds : NoProgressDeadline;

    public static bool HasProgressDeadline(JsonObject deployment) => ProgressDeadline(deployment) != NoProgressDeadline;

    /// <summary>Every replica updated and available, and the status observes the current generation.</summary>
    public static bool Complete(JsonObject deployment, JsonObject status)
    {
        var desired = deployment.At("spec.replicas") is JsonValue v && v.TryGetValue<long>(out var r) ? r : 1;
        return (status.GetLong("updatedReplicas") ?? 0) == desired
            && (status.GetLong("replicas") ?? 0) == desired
            && (status.GetLong("availableReplicas") ?? 0) == desired
            && (status.GetLong("observedGeneration") ?? 0) >= (deployment.Metadata().GetLong("generation") ?? 0);
    }

    /// <summary>Some count moved toward the goal since <paramref name="old"/>.</summary>
    public static bool Progressing(JsonObject old, JsonObject next)
    {
        long Get(JsonObject s, string f) => s.GetLong(f) ?? 0;
        var oldStale = Get(old, "replicas") - Get(old, "updatedReplicas");
        var newStale = Get(next, "replicas") - Get(next, "updatedReplicas");
        return Get(next, "updatedReplicas") > Get(old, "updatedReplicas")
            || newStale < oldStale
            || Get(next, "readyReplicas") > Get(old, "readyReplicas")
            || Get(next, "availableReplicas") > Get(old, "availableReplicas");
    }

    public static bool TimedOut(JsonObject deployment, JsonObject status, DateTimeOffset now)
    {
        if (!HasProgressDeadline(deployment) || DeploymentConditions.Get(status, DeploymentConditions.Progressing) is not { } condition)
        {
            return false;
        }

        return condition.GetString("reason") switch
        {
            DeploymentConditions.NewReplicaSetAvailable => false,
            DeploymentConditions.ProgressDeadlineExceeded => true,
            _ => PodView.ParseTime(condition.GetString("lastUpdateTime")) is { } from && from.AddSeconds(ProgressDeadline(deployment)) < now,
        };
    }

    /// <summary>When a rollout that is still in progress should be looked at again for its deadline.</summary>
    public static DateTimeOffset? DeadlineCheck(JsonObject deployment, JsonObject status)
    {
        if (!HasProgressDeadline(deployment) || DeploymentConditions.Get(status, DeploymentConditions.Progressing) is not { } condition
            || condition.GetString("reason") is DeploymentConditions.NewReplicaSetAvailable or DeploymentConditions.ProgressDeadlineExceeded
            || condition.GetString("status") != "True")
        {
            return null;
        }

        return PodView.ParseTime(condition.GetString("lastUpdateTime"))?.AddSeconds(ProgressDeadline(deployment) + 1);
    }
}
