using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Api;

/// <summary>What the API server fills in on create for specific built-in kinds.</summary>
internal static class InitialState
{
    /// <summary>The finalizer that keeps a CRD until its custom resources are gone.</summary>
    public const string CrdCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    /// <summary>The namespace spec finalizer that keeps a namespace until its content is gone.</summary>
    public const string NamespaceFinalizer = "kubernetes";

    public static void Apply(ResourceType type, JsonObject obj)
    {
        switch ((type.Group, type.Plural))
        {
            case ("", "namespaces"):
                var spec = obj["spec"] as JsonObject ?? new JsonObject();
                obj["spec"] = spec;
                if (spec["finalizers"] is not JsonArray)
                {
                    spec["finalizers"] = new JsonArray(NamespaceFinalizer);
                }

                obj["status"] = new JsonObject { ["phase"] = "Active" };
                var labels = obj.Metadata()["labels"] as JsonObject ?? new JsonObject();
                labels["kubernetes.io/metadata.name"] = obj.Metadata().GetString("name");
                obj.Metadata()["labels"] = labels;
                break;
            case ("", "pods"):
                obj["status"] = new JsonObject { ["phase"] = "Pending" };
                break;
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                var finalizers = obj.Metadata().StringList("finalizers");
                if (!finalizers.Contains(CrdCleanupFinalizer))
                {
                    finalizers.Add(CrdCleanupFinalizer);
                    obj.Metadata()["finalizers"] = finalizers.ToJsonArray();
                }

                break;
            default:
                break;
        }
    }
}
