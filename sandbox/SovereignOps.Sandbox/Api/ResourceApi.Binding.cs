using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

/// <summary>
/// The pods/binding subresource (what a scheduler POSTs): assigns a pending pod to a node by setting
/// spec.nodeName, copying the binding's annotations and marking the PodScheduled condition True, in one write.
/// </summary>
public sealed partial class ResourceApi
{
    public ApiResult<StoredObject> Bind(string ns, string podName, JsonObject binding, WriteOptions options)
    {
        var pods = Resolve("", "v1", "pods")!;
        var target = binding["target"] as JsonObject;
        var node = target?.GetString("name");
        if (string.IsNullOrEmpty(node))
        {
            return ApiError.Invalid(pods, podName, [new StatusCause("FieldValueRequired", "Required value", "target.name")]);
        }

        if (target!.GetString("kind") is { Length: > 0 } kind && kind != "Node")
        {
            return ApiError.Invalid(pods, podName, [new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{kind}\": supported values: \"Node\"", "target.kind")]);
        }

        var bindingMetadata = binding["metadata"] as JsonObject;
        var uid = bindingMetadata?.GetString("uid");
        return GuaranteedUpdate(pods, ns, podName, options, current =>
        {
            if (!string.IsNullOrEmpty(uid) && uid != current.Uid)
            {
                return ApiError.Conflict(pods.GroupResource, podName, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            var pod = current.ToJsonObject();
            if (current.IsDeleting)
            {
                return ApiError.Conflict(pods.GroupResource, podName, $"pod {podName} is being deleted, cannot be assigned to a host");
            }

            var spec = pod["spec"] as JsonObject ?? new JsonObject();
            if (spec.GetString("nodeName") is { Length: > 0 } assigned)
            {
                return ApiError.Conflict(pods.GroupResource, podName, $"pod {podName} is already assigned to node \"{assigned}\"");
            }

            spec["nodeName"] = node;
            pod["spec"] = spec;
            if (bindingMetadata?["annotations"] is JsonObject annotations && annotations.Count > 0)
            {
                var podAnnotations = pod.Metadata()["annotations"] as JsonObject ?? new JsonObject();
                foreach (var (key, value) in annotations)
                {
                    podAnnotations[key] = value?.DeepClone();
                }

                pod.Metadata()["annotations"] = podAnnotations;
            }

            var status = pod["status"] as JsonObject ?? new JsonObject();
            pod["status"] = status;
            var conditions = status["conditions"] as JsonArray ?? new JsonArray();
            status["conditions"] = conditions;
            var scheduled = conditions.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "PodScheduled");
            if (scheduled is null)
            {
                scheduled = new JsonObject { ["type"] = "PodScheduled" };
                conditions.Add(scheduled);
            }

            scheduled.Remove("reason");
            scheduled.Remove("message");
            scheduled["status"] = "True";
            scheduled["lastProbeTime"] = null;
            scheduled["lastTransitionTime"] = SandboxJson.Timestamp(Now);
            return pod;
        });
    }
}
