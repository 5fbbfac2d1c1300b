using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// Which keys a change dirties: the object's own controller, its controlling owner (a pod's ReplicaSet, a
/// ReplicaSet's Deployment), and whoever selects it (Services and budgets for pods; for an orphan, the
/// controllers that might adopt it). The reconcilers never see the event itself.
/// </summary>
internal sealed class EventRouting(ClusterCache cache, WorkQueue queue)
{
    /// <summary>The label tying an EndpointSlice to its Service.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>Takes a committed change into the cache and queues the keys it concerns.</summary>
    public void Observe(StoreEvent e)
    {
        var obj = e.Object;
        if (!cache.Tracks(obj.Resource))
        {
            return;
        }

        if (obj.Resource == ClusterCache.PodsResource)
        {
            ObservePod(e);
            return;
        }

        if (e.Type == StoreEventType.Deleted)
        {
            cache.Remove(obj);
        }
        else
        {
            cache.Put(obj);
        }

        var ns = obj.Namespace;
        var resource = obj.Resource;
        if (resource == ClusterCache.DeploymentsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.Deployment, ns, obj.Name));
            QueueBudgets(ns);
        }
        else if (resource == ClusterCache.ReplicaSetsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.ReplicaSet, ns, obj.Name));
            QueueController(obj, e.Previous, "Deployment", WorkloadKind.Deployment, cache.Deployments);
            QueueBudgets(ns);
        }
        else if (resource == ClusterCache.StatefulSetsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.StatefulSet, ns, obj.Name));
            QueueBudgets(ns);
        }
        else if (resource == ClusterCache.ControllerRevisionsResource)
        {
            QueueController(obj, e.Previous, "StatefulSet", WorkloadKind.StatefulSet, null);
        }
        else if (resource == ClusterCache.JobsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.Job, ns, obj.Name));
        }
        else if (resource == ClusterCache.ServicesResource || resource == ClusterCache.EndpointsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.Service, ns, obj.Name));
        }
        else if (resource == ClusterCache.EndpointSlicesResource)
        {
            if (obj.Labels.TryGetValue(ServiceNameLabel, out var service))
            {
                queue.Add(new WorkloadKey(WorkloadKind.Service, ns, service));
            }
        }
        else if (resource == ClusterCache.DisruptionBudgetsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.DisruptionBudget, ns, obj.Name));
        }
        else if (resource == ClusterCache.ClaimsResource)
        {
            queue.Add(new WorkloadKey(WorkloadKind.VolumeClaim, ns, obj.Name));
        }
    }

    private void ObservePod(StoreEvent e)
    {
        // The controllers' own writes are in the cache before their events arrive; those events still route,
        // so the Services and budgets selecting a pod the controllers created or deleted hear of it.
        PodView? before;
        PodView? after;
        if (e.Type == StoreEventType.Deleted)
        {
            before = cache.Pods.Remove(e.Object) ?? (e.Previous is { } previous ? PodView.From(previous) : null);
            after = null;
        }
        else
        {
            var put = cache.Pods.Put(e.Object);
            (before, after) = put.Changed ? (put.Before, put.After) : (null, put.After);
        }

        var ns = e.Object.Namespace;
        foreach (var pod in new[] { before, after })
        {
            if (pod?.Controller is { } owner)
            {
                var kind = owner.Kind switch
                {
                    "ReplicaSet" => WorkloadKind.ReplicaSet,
                    "StatefulSet" => WorkloadKind.StatefulSet,
                    "Job" => WorkloadKind.Job,
                    _ => (WorkloadKind?)null,
                };
                if (kind is { } k)
                {
                    queue.Add(new WorkloadKey(k, ns, owner.Name));
                }
            }
        }

        if (after is { Controller: null, Deleting: false })
        {
            QueueAdopters(after);
        }

        if (before is null || after is null || before.ServingFactsDiffer(after))
        {
            QueueSelecting(cache.Services, WorkloadKind.Service, ns, before, after);
            QueueSelecting(cache.DisruptionBudgets, WorkloadKind.DisruptionBudget, ns, before, after);
        }

        if (after is { NodeName.Length: > 0, ClaimNames.Length: > 0 } && before?.NodeName != after.NodeName)
        {
            foreach (var claim in after.ClaimNames)
            {
                queue.Add(new WorkloadKey(WorkloadKind.VolumeClaim, ns, claim));
            }
        }
    }

    private void QueueAdopters(PodView pod)
    {
        foreach (var (index, kind) in new[] { (cache.ReplicaSets, WorkloadKind.ReplicaSet), (cache.StatefulSets, WorkloadKind.StatefulSet), (cache.Jobs, WorkloadKind.Job) })
        {
            foreach (var candidate in index.InNamespace(pod.Namespace))
            {
                if (!candidate.IsDeleting && SelectorCache.Selects(candidate, pod.Labels))
                {
                    queue.Add(new WorkloadKey(kind, pod.Namespace, candidate.Name));
                }
            }
        }
    }

    private void QueueSelecting(ObjectIndex<StoredObject> selectors, WorkloadKind kind, string ns, PodView? before, PodView? after)
    {
        foreach (var selector in selectors.InNamespace(ns))
        {
            if ((before is not null && SelectorCache.Selects(selector, before.Labels)) || (after is not null && SelectorCache.Selects(selector, after.Labels)))
            {
                queue.Add(new WorkloadKey(kind, ns, selector.Name));
            }
        }
    }

    private void QueueBudgets(string ns)
    {
        foreach (var budget in cache.DisruptionBudgets.InNamespace(ns))
        {
            queue.Add(new WorkloadKey(WorkloadKind.DisruptionBudget, ns, budget.Name));
        }
    }

    /// <summary>Queues the controlling owner of kind <paramref name="ownerKind"/>, or, for an orphan, every one that selects it.</summary>
    private void QueueController(StoredObject obj, StoredObject? previous, string ownerKind, WorkloadKind kind, ObjectIndex<StoredObject>? adopters)
    {
        var queued = false;
        foreach (var version in new[] { previous, obj })
        {
            if (version?.Owners.FirstOrDefault(o => o.Controller) is { } owner && owner.Kind == ownerKind)
            {
                queue.Add(new WorkloadKey(kind, obj.Namespace, owner.Name));
                queued = true;
            }
        }

        if (!queued && adopters is not null && !obj.IsDeleting)
        {
            foreach (var candidate in adopters.InNamespace(obj.Namespace))
            {
                if (SelectorCache.Selects(candidate, obj.Labels))
                {
                    queue.Add(new WorkloadKey(kind, obj.Namespace, candidate.Name));
                }
            }
        }
    }
}
