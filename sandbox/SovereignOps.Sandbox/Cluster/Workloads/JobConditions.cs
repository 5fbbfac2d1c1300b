using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>A Job's conditions (type, status, lastProbeTime, lastTransitionTime, reason, message) and the reasons the Job controller uses.</summary>
internal static class JobConditions
{
    public const string Complete = "Complete";
    public const string Failed = "Failed";
    public const string SuccessCriteriaMet = "SuccessCriteriaMet";
    public const string FailureTarget = "FailureTarget";
    public const string Suspended = "Suspended";

    public const string CompletionsReached = "CompletionsReached";
    public const string CompletionsReachedMessage = "Reached expected number of succeeded pods";
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";
    public const string BackoffLimitExceededMessage = "Job has reached the specified backoff limit";
    public const string DeadlineExceeded = "DeadlineExceeded";
    public const string DeadlineExceededMessage = "Job was active longer than specified deadline";

    public static JsonObject? Get(JsonObject status, string type) =>
        (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);

    public static bool IsTrue(JsonObject status, string type) => Get(status, type)?.GetString("status") == "True";

    /// <summary>Adds or updates a condition; an unchanged status keeps its times.</summary>
    public static void Set(JsonObject status, string type, string value, string reason, string message, DateTimeOffset now)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var existing = Get(status, type);
        if (existing is not null && existing.GetString("status") == value && existing.GetString("reason") == reason)
        {
            return;
        }

        var time = SandboxJson.Timestamp(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastProbeTime"] = time,
            ["lastTransitionTime"] = existing is not null && existing.GetString("status") == value ? existing["lastTransitionTime"]?.DeepClone() : time,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }
}
