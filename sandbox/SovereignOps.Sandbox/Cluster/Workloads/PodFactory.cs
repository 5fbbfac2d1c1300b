using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// Makes pods from a controller's template: its labels, annotations and spec, a controller reference, and a
/// name from the owner plus a suffix. The pods leave spec.nodeName empty for the scheduler.
/// </summary>
internal static class PodFactory
{
    public static JsonObject FromTemplate(JsonObject? template, string ns, string name, JsonObject ownerReference, string? generateName = null)
    {
        var metadata = template?["metadata"] as JsonObject;
        var podMetadata = new JsonObject { ["name"] = name };
        if (generateName is not null)
        {
            podMetadata["generateName"] = generateName;
        }

        podMetadata["namespace"] = ns;
        foreach (var field in new[] { "labels", "annotations", "finalizers" })
        {
            if (metadata?[field] is { } value)
            {
                podMetadata[field] = value.DeepClone();
            }
        }

        podMetadata["ownerReferences"] = new JsonArray(ownerReference);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = podMetadata,
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>Creates a pod named by <paramref name="prefix"/> plus a random suffix, trying another suffix if the name is taken.</summary>
    public static void CreateNamed(WorkloadContext context, string ns, string prefix, Func<string, JsonObject> build)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var name = prefix + context.Names.Next();
            if (context.Cache.Pods.Get(ns, name) is not null)
            {
                continue;
            }

            var created = context.Writer.Create(ClusterCache.PodsResource, ns, build(name));
            if (created.Error?.Reason != "AlreadyExists")
            {
                return;
            }
        }
    }
}
