using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// The Priority admission plugin: a new pod's spec.priority and preemptionPolicy come from its
/// priorityClassName (the two system classes are built in), or from the global default class, or are 0.
/// A class that does not exist refuses the pod, as the API server does.
/// </summary>
internal sealed class PodPriority(ObjectStore store) : IAdmissionPlugin
{
    private static readonly GroupResource PriorityClasses = new("scheduling.k8s.io", "priorityclasses");

    private static readonly Dictionary<string, long> SystemClasses = new(StringComparer.Ordinal)
    {
        ["system-node-critical"] = 2000001000,
        ["system-cluster-critical"] = 2000000000,
    };

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Operation != AdmissionOperation.Create || request.Type.Group.Length != 0 || request.Type.Plural != "pods"
            || request.Subresource != Subresource.Main || request.Object["spec"] is not JsonObject spec)
        {
            return request.Object;
        }

        var className = spec.GetString("priorityClassName");
        long priority = 0;
        string? policy = null;
        if (className is { Length: > 0 })
        {
            if (SystemClasses.TryGetValue(className, out var system))
            {
                priority = system;
            }
            else if (store.Get(PriorityClasses, "", className)?.ToJsonObject() is { } found)
            {
                priority = found.GetLong("value") ?? 0;
                policy = found.GetString("preemptionPolicy");
            }
            else
            {
                var name = request.Object.Metadata().GetString("name") ?? "";
                return ApiError.Forbidden(request.Type.GroupResource, name, $"no PriorityClass with name {className} was found");
            }
        }
        else if (store.List(PriorityClasses, null).Items.Select(i => i.ToJsonObject()).FirstOrDefault(c => c["globalDefault"] is JsonValue d && d.GetValue<bool>()) is { } fallback)
        {
            spec["priorityClassName"] = fallback.Metadata().GetString("name");
            priority = fallback.GetLong("value") ?? 0;
            policy = fallback.GetString("preemptionPolicy");
        }

        spec["priority"] = priority;
        spec["preemptionPolicy"] ??= policy ?? "PreemptLowerPriority";
        return request.Object;
    }
}
