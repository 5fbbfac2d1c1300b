using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The ReplicaSet controller: keeps spec.replicas active pods (creating from the template, deleting the
/// cheapest to lose first), adopts and releases pods by selector, and reports replicas, fully labelled, ready
/// and available pods (ready for minReadySeconds).
/// </summary>
internal sealed class ReplicaSetReconciler(WorkloadContext context) : IWorkloadReconciler
{
    /// <summary>Pods created or deleted in one pass at most, as the controller-manager's burst limit.</summary>
    internal const int BurstReplicas = 500;

    public WorkloadKind Kind => WorkloadKind.ReplicaSet;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var rs = context.Cache.ReplicaSets.Get(ns, name);
        if (rs is null)
        {
            return null;
        }

        var obj = rs.ToJsonObject();
        var spec = obj["spec"] as JsonObject ?? [];
        var replicas = (int)(spec.GetLong("replicas") ?? 1);
        var minReadySeconds = (int)(spec.GetLong("minReadySeconds") ?? 0);
        var pods = Ownership.Claim(context, context.Cache.Pods, ClusterCache.PodsResource, p => p.Stored, rs, "apps/v1", "ReplicaSet", p => p.Active);
        var active = pods.Where(p => p.Active).ToList();
        if (!rs.IsDeleting)
        {
            var diff = active.Count - replicas;
            if (diff < 0)
            {
                var reference = Ownership.ControllerReference("apps/v1", "ReplicaSet", rs);
                var template = spec["template"] as JsonObject;
                for (var i = 0; i < Math.Min(-diff, BurstReplicas); i++)
                {
                    PodFactory.CreateNamed(context, ns, name + "-", podName => PodFactory.FromTemplate(template, ns, podName, (JsonObject)reference.DeepClone(), name + "-"));
                }
            }
            else if (diff > 0)
            {
                foreach (var pod in active.Order(PodDeletionOrder.Instance).Take(Math.Min(diff, BurstReplicas)))
                {
                    context.Writer.Delete(ClusterCache.PodsResource, ns, pod.Name, pod.Uid);
                }
            }
        }

        var now = context.Now;
        var current = context.Cache.Pods.OwnedBy(rs.Uid).Where(p => p.Active).ToList();
        var templateLabels = (spec.At("template.metadata.labels") as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") ?? [];
        var status = new JsonObject { ["replicas"] = current.Count };
        StatusWrite.SetCount(status, "fullyLabeledReplicas", current.Count(p => templateLabels.All(l => p.Labels.TryGetValue(l.Key, out var v) && v == l.Value)));
        StatusWrite.SetCount(status, "readyReplicas", current.Count(p => p.Ready));
        StatusWrite.SetCount(status, "availableReplicas", current.Count(p => p.AvailableAt(now, minReadySeconds)));
        StatusWrite.SetCount(status, "observedGeneration", obj.Metadata().GetLong("generation") ?? 0);
        StatusWrite.IfChanged(context, ClusterCache.ReplicaSetsResource, ns, name, rs.Uid, status);

        // Look again when the next ready pod has been ready for minReadySeconds.
        return current.Where(p => p.Ready && !p.AvailableAt(now, minReadySeconds)).Select(p => p.AvailableFrom(minReadySeconds)).Min();
    }
}
