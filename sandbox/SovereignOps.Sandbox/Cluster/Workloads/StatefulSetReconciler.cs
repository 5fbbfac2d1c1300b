using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The StatefulSet controller: pods &lt;set&gt;-0..N-1 with stable hostnames and their claims from the volume claim
/// templates; OrderedReady creates each pod only once the one before it is Running and Ready and removes from
/// the highest ordinal down, one at a time; Parallel does both at once. A template change rolls out from the
/// highest ordinal down to the partition, one pod at a time, each recreated at the update revision; revisions
/// are kept as ControllerRevisions.
/// </summary>
internal sealed class StatefulSetReconciler(WorkloadContext context) : IWorkloadReconciler
{
    public WorkloadKind Kind => WorkloadKind.StatefulSet;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var set = context.Cache.StatefulSets.Get(ns, name);
        if (set is null)
        {
            return null;
        }

        var obj = set.ToJsonObject();
        var spec = obj["spec"] as JsonObject ?? [];
        var storedStatus = obj["status"] as JsonObject ?? [];
        var replicas = (int)(spec.GetLong("replicas") ?? 1);
        var minReadySeconds = (int)(spec.GetLong("minReadySeconds") ?? 0);
        var revisions = new StatefulSetRevisions(context, set, spec);
        var updateRevision = revisions.EnsureUpdateRevision();
        var currentRevision = storedStatus.GetString("currentRevision") is { Length: > 0 } current ? current : updateRevision;

        var pods = Ownership.Claim(context, context.Cache.Pods, ClusterCache.PodsResource, p => p.Stored, set, "apps/v1", "StatefulSet",
            p => StatefulSetIdentity.Ordinal(set.Name, p.Name) is not null);
        if (!set.IsDeleting)
        {
            new StatefulSetPass(context, set, spec, replicas, currentRevision, updateRevision).Run(pods);
        }

        var now = context.Now;
        var owned = context.Cache.Pods.OwnedBy(set.Uid).Where(p => StatefulSetIdentity.Ordinal(set.Name, p.Name) is not null).ToList();
        var live = owned.Where(p => !p.Deleting).ToList();
        var ready = owned.Count(p => p.Phase == "Running" && p.Ready);
        var updated = live.Count(p => Revision(p) == updateRevision);
        var rolledOut = spec.At("updateStrategy.type")?.ToString() != "OnDelete" && updated == owned.Count && ready == owned.Count;
        if (rolledOut)
        {
            currentRevision = updateRevision;
        }

        var status = new JsonObject();
        StatusWrite.SetCount(status, "observedGeneration", obj.Metadata().GetLong("generation") ?? 0);
        status["replicas"] = owned.Count;
        StatusWrite.SetCount(status, "readyReplicas", ready);
        StatusWrite.SetCount(status, "currentReplicas", live.Count(p => Revision(p) == currentRevision));
        StatusWrite.SetCount(status, "updatedReplicas", updated);
        status["currentRevision"] = currentRevision;
        status["updateRevision"] = updateRevision;
        status["collisionCount"] = storedStatus.GetLong("collisionCount") ?? 0;
        status["availableReplicas"] = owned.Count(p => p.Phase == "Running" && p.AvailableAt(now, minReadySeconds));
        StatusWrite.IfChanged(context, ClusterCache.StatefulSetsResource, ns, name, set.Uid, status);
        revisions.Prune(currentRevision, updateRevision, (int)(spec.GetLong("revisionHistoryLimit") ?? 10));

        return owned.Where(p => p.Ready && !p.AvailableAt(now, minReadySeconds)).Select(p => p.AvailableFrom(minReadySeconds)).Min();
    }

    internal static string Revision(PodView pod) => pod.Labels.TryGetValue(StatefulSetIdentity.RevisionLabel, out var revision) ? revision : "";

    /// <summary>One pass over the ordinals; OrderedReady stops at the first thing it has to wait for.</summary>
    private sealed class StatefulSetPass(WorkloadContext context, StoredObject set, JsonObject spec, int replicas, string currentRevision, string updateRevision)
    {
        private readonly bool _ordered = spec.GetString("podManagementPolicy") != "Parallel";

        public void Run(List<PodView> claimed)
        {
            var byOrdinal = new Dictionary<int, PodView>();
            foreach (var pod in claimed)
            {
                byOrdinal[StatefulSetIdentity.Ordinal(set.Name, pod.Name)!.Value] = pod;
            }

            var partition = spec.At("updateStrategy.type")?.ToString() == "OnDelete"
                ? int.MaxValue
                : (int)(spec.At("updateStrategy.rollingUpdate.partition") is JsonValue p && p.TryGetValue<long>(out var value) ? value : 0);
            if (!CreateAndReplace(byOrdinal, partition) || !ScaleDown(byOrdinal))
            {
                return;
            }

            RollOut(byOrdinal, replicas - 1, partition);
        }

        private bool CreateAndReplace(Dictionary<int, PodView> byOrdinal, int partition)
        {
            for (var ordinal = 0; ordinal < replicas; ordinal++)
            {
                if (!byOrdinal.TryGetValue(ordinal, out var pod))
                {
                    EnsureClaims(ordinal);
                    var revision = ordinal < partition ? currentRevision : updateRevision;
                    context.Writer.Create(ClusterCache.PodsResource, set.Namespace, StatefulSetIdentity.Pod(set, TemplateFor(revision), ordinal, revision));
                    if (_ordered)
                    {
                        return false;
                    }

                    continue;
                }

                if (pod.Terminal && !pod.Deleting)
                {
                    // A failed or finished pod is replaced under the same identity.
                    context.Writer.Delete(ClusterCache.PodsResource, set.Namespace, pod.Name, pod.Uid);
                    if (_ordered)
                    {
                        return false;
                    }

                    continue;
                }

                if (_ordered && !Healthy(pod))
                {
                    return false;
                }
            }

            return true;
        }

        private bool ScaleDown(Dictionary<int, PodView> byOrdinal)
        {
            var condemned = byOrdinal.Where(p => p.Key >= replicas).OrderByDescending(p => p.Key).Select(p => p.Value).ToList();
            foreach (var pod in condemned)
            {
                if (pod.Deleting)
                {
                    if (_ordered)
                    {
                        return false;
                    }

                    continue;
                }

                if (_ordered && byOrdinal.Values.Any(other => other != pod && !Healthy(other)))
                {
                    return false;
                }

                context.Writer.Delete(ClusterCache.PodsResource, set.Namespace, pod.Name, pod.Uid);
                if (_ordered)
                {
                    return false;
                }
            }

            return condemned.Count == 0 || !_ordered;
        }

        /// <summary>Deletes the highest pod not at the update revision (it comes back at that revision), waiting for each to be healthy.</summary>
        private void RollOut(Dictionary<int, PodView> byOrdinal, int highest, int partition)
        {
            for (var ordinal = highest; ordinal >= partition && ordinal >= 0; ordinal--)
            {
                if (!byOrdinal.TryGetValue(ordinal, out var pod))
                {
                    return;
                }

                if (Revision(pod) != updateRevision && !pod.Deleting)
                {
                    context.Writer.Delete(ClusterCache.PodsResource, set.Namespace, pod.Name, pod.Uid);
                    return;
                }

                if (!Healthy(pod))
                {
                    return;
                }
            }
        }

        private static bool Healthy(PodView pod) => pod.Phase == "Running" && pod.Ready && !pod.Deleting;

        /// <summary>The spec to make a pod from: the current template, or for a pod kept below the partition the template of its revision.</summary>
        private JsonObject TemplateFor(string revision) =>
            revision == updateRevision ? spec : StatefulSetRevisions.SpecOf(context, set.Namespace, revision, spec);

        private void EnsureClaims(int ordinal)
        {
            foreach (var template in (spec["volumeClaimTemplates"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var claimName = StatefulSetIdentity.ClaimName(template.Metadata().GetString("name") ?? "", set.Name, ordinal);
                if (context.Cache.Claims.Get(set.Namespace, claimName) is null)
                {
                    context.Writer.Create(ClusterCache.ClaimsResource, set.Namespace, StatefulSetIdentity.Claim(set, spec, template, ordinal));
                }
            }
        }
    }
}
