using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A Deployment's Available and Progressing conditions with the controller-manager's rules: setting a condition
/// with the same status and reason changes nothing (not even lastUpdateTime); a changed one moves to the end of
/// the list and keeps lastTransitionTime when only its reason changed.
/// </summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";

    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    public static JsonObject? Get(JsonObject status, string type) =>
        (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);

    public static JsonObject New(string type, string status, string reason, string message, DateTimeOffset now) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastUpdateTime"] = SandboxJson.Timestamp(now),
        ["lastTransitionTime"] = SandboxJson.Timestamp(now),
        ["reason"] = reason,
        ["message"] = message,
    };

    public static void Set(JsonObject status, JsonObject condition)
    {
        var type = condition.GetString("type");
        var current = Get(status, type!);
        if (current is not null && current.GetString("status") == condition.GetString("status") && current.GetString("reason") == condition.GetString("reason"))
        {
            return;
        }

        if (current is not null && current.GetString("status") == condition.GetString("status"))
        {
            condition["lastTransitionTime"] = current["lastTransitionTime"]?.DeepClone();
        }

        Remove(status, type!);
        var conditions = status["conditions"] as JsonArray ?? [];
        conditions.Add(condition);
        status["conditions"] = conditions;
    }

    public static void Remove(JsonObject status, string type)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            return;
        }

        var kept = conditions.OfType<JsonObject>().Where(c => c.GetString("type") != type).Select(c => (JsonNode?)c.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            status.Remove("conditions");
        }
        else
        {
            status["conditions"] = new JsonArray(kept);
        }
    }
}
