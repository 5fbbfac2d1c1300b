using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>Writes a computed status through /status only when it differs from the stored one: a steady state costs nothing.</summary>
internal static class StatusWrite
{
    public static void IfChanged(WorkloadContext context, GroupResource resource, string ns, string name, string uid, JsonObject status) =>
        context.Writer.Update(resource, ns, name, current =>
        {
            if (current.Metadata().GetString("uid") != uid || JsonNode.DeepEquals(current["status"], status))
            {
                return false;
            }

            current["status"] = status.DeepClone();
            return true;
        }, Subresource.Status);

    /// <summary>Sets an integer field, leaving it out when zero (the omitempty fields of workload statuses).</summary>
    public static void SetCount(JsonObject status, string field, long value)
    {
        if (value != 0)
        {
            status[field] = value;
        }
    }
}
