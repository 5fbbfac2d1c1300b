using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>Edits status.conditions, keeping lastTransitionTime when a condition's status does not change.</summary>
internal sealed class ConditionList(JsonObject status, DateTimeOffset now)
{
    public void Set(string type, string value, string reason, string message)
    {
        var conditions = status["conditions"] as JsonArray ?? new JsonArray();
        status["conditions"] = conditions;
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);
        if (existing is null)
        {
            existing = new JsonObject { ["type"] = type };
            conditions.Add(existing);
        }

        if (existing.GetString("status") != value)
        {
            existing["lastTransitionTime"] = SandboxJson.Timestamp(now);
        }

        existing["status"] = value;
        existing["reason"] = reason;
        existing["message"] = message;
    }
}
