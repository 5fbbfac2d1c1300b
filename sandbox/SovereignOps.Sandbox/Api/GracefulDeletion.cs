using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Api;

/// <summary>
/// The pod deletion rule of the API server: a pod bound to a node and not finished is deleted gracefully —
/// marked with a deletionTimestamp <c>grace</c> seconds ahead and left to its kubelet — unless the request
/// asks for grace 0. The grace period is the request's, else the pod's terminationGracePeriodSeconds.
/// </summary>
internal static class GracefulDeletion
{
    /// <summary>The grace period in seconds when the object is to be deleted gracefully; null to delete it now.</summary>
    public static long? PeriodFor(ResourceType type, JsonObject obj, DeleteOptions options)
    {
        if (type.Group.Length != 0 || type.Plural != "pods" || obj["spec"] is not JsonObject spec)
        {
            return null;
        }

        var period = options.GracePeriodSeconds ?? spec.GetLong("terminationGracePeriodSeconds") ?? 30;
        var unscheduled = string.IsNullOrEmpty(spec.GetString("nodeName"));
        var finished = obj.At("status.phase") is JsonValue phase && phase.GetValue<string>() is "Succeeded" or "Failed";
        return period <= 0 || unscheduled || finished ? null : period;
    }
}
