using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A simple persistent volume binder: a Pending claim is bound at once to a volume named pvc-&lt;uid&gt; with the
/// capacity it requested; when its StorageClass says WaitForFirstConsumer it waits until a pod using it is
/// scheduled and records that node as the selected one. No PersistentVolume objects are simulated.
/// </summary>
internal sealed class VolumeClaimBinder(WorkloadContext context) : IWorkloadReconciler
{
    public const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";

    public WorkloadKind Kind => WorkloadKind.VolumeClaim;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var claim = context.Cache.Claims.Get(ns, name);
        if (claim is null || claim.IsDeleting)
        {
            return null;
        }

        var obj = claim.ToJsonObject();
        if (obj.At("status.phase")?.ToString() == "Bound")
        {
            return null;
        }

        var spec = obj["spec"] as JsonObject ?? [];
        var selectedNode = "";
        if (WaitsForConsumer(spec))
        {
            var consumer = context.Cache.Pods.InNamespace(ns).Where(p => p.NodeName.Length > 0 && p.ClaimNames.Contains(name)).OrderBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();
            if (consumer is null)
            {
                return null;
            }

            selectedNode = consumer.NodeName;
        }

        Bind(claim, selectedNode);
        return null;
    }

    private bool WaitsForConsumer(JsonObject spec) =>
        spec.GetString("storageClassName") is { Length: > 0 } className
        && context.Cache.StorageClasses.Get("", className)?.ToJsonObject().GetString("volumeBindingMode") == "WaitForFirstConsumer";

    private void Bind(StoredObject claim, string selectedNode)
    {
        context.Writer.Update(ClusterCache.ClaimsResource, claim.Namespace, claim.Name, current =>
        {
            var metadata = current.Metadata();
            if (metadata.GetString("uid") != claim.Uid || current["spec"] is not JsonObject spec)
            {
                return false;
            }

            var annotations = metadata["annotations"] as JsonObject ?? [];
            annotations["pv.kubernetes.io/bind-completed"] = "yes";
            annotations["pv.kubernetes.io/bound-by-controller"] = "yes";
            if (selectedNode.Length > 0)
            {
                annotations[SelectedNodeAnnotation] = selectedNode;
            }

            metadata["annotations"] = annotations;
            spec["volumeName"] = "pvc-" + claim.Uid;
            return true;
        });

        var status = new JsonObject { ["phase"] = "Bound" };
        if (context.Cache.Claims.Get(claim.Namespace, claim.Name)?.ToJsonObject()["spec"] is JsonObject bound)
        {
            if (bound["accessModes"] is { } modes)
            {
                status["accessModes"] = modes.DeepClone();
            }

            if (bound.At("resources.requests.storage") is { } storage)
            {
                status["capacity"] = new JsonObject { ["storage"] = storage.DeepClone() };
            }
        }

        StatusWrite.IfChanged(context, ClusterCache.ClaimsResource, claim.Namespace, claim.Name, claim.Uid, status);
    }
}
