using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Model;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// What the API server fills in about a new pod's resources: each container's requests default to its limits
/// where left out, and status.qosClass is Guaranteed (every container's cpu and memory limited, requests equal
/// to limits), BestEffort (no cpu or memory requests or limits anywhere) or Burstable.
/// </summary>
internal sealed class PodResources : IAdmissionPlugin
{
    private static readonly string[] QosResources = ["cpu", "memory"];
    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Operation != AdmissionOperation.Create || request.Type.Group.Length != 0 || request.Type.Plural != "pods"
            || request.Subresource != Subresource.Main || request.Object["spec"] is not JsonObject spec)
        {
            return request.Object;
        }

        var containers = ContainerLists
            .SelectMany(list => (spec[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            .ToList();
        foreach (var container in containers)
        {
            DefaultRequestsToLimits(container);
        }

        var status = request.Object["status"] as JsonObject ?? new JsonObject();
        request.Object["status"] = status;
        status["qosClass"] = QosClass(containers);
        return request.Object;
    }

    private static void DefaultRequestsToLimits(JsonObject container)
    {
        if (container["resources"] is not JsonObject resources || resources["limits"] is not JsonObject { Count: > 0 } limits)
        {
            return;
        }

        var requests = resources["requests"] as JsonObject ?? new JsonObject();
        foreach (var (name, value) in limits)
        {
            requests[name] ??= value?.DeepClone();
        }

        resources["requests"] = requests;
    }

    private static string QosClass(List<JsonObject> containers)
    {
        var anyCpuOrMemory = false;
        var guaranteed = containers.Count > 0;
        foreach (var container in containers)
        {
            var requests = container.At("resources.requests") as JsonObject;
            var limits = container.At("resources.limits") as JsonObject;
            foreach (var resource in QosResources)
            {
                var request = requests?[resource]?.ToString();
                var limit = limits?[resource]?.ToString();
                anyCpuOrMemory |= request is not null || limit is not null;
                if (limit is null || Quantity.ParseMilli(request) != Quantity.ParseMilli(limit))
                {
                    guaranteed = false;
                }
            }
        }

        return !anyCpuOrMemory ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
