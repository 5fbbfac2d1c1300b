using k8s.Models;
using SovereignOps.Operator.Cluster;
using SovereignOps.Operator.Desired;
using SovereignOps.Runtime;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// How the Deployments and StatefulSets of a rendered unit are doing, read from the caches: available
/// once every workload's controller has seen its latest generation and reports at least the desired
/// replicas available; and where their pods actually run (pods the workloads' selectors pick that
/// are bound to a node).
/// </summary>
public sealed record WorkloadState(bool Available, int Desired, int Ready, IReadOnlyList<string> Nodes, string Summary)
{
    public static WorkloadState Of(IReadOnlyList<DesiredObject> objects, ClusterInformers informers)
    {
        var available = true;
        int desired = 0, ready = 0;
        var selectors = new List<(string Namespace, IDictionary<string, string> Labels)>();
        var missing = new List<string>();
        foreach (var rendered in objects)
        {
            var key = new ResourceKey(rendered.Namespace, rendered.Name);
            switch (rendered.Model)
            {
                case var model when model == typeof(V1Deployment):
                    var deployment = informers.Deployments.Cache.Get(key);
                    if (deployment is null)
                    {
                        missing.Add(rendered.DisplayName);
                        available = false;
                        continue;
                    }

                    var want = deployment.Spec.Replicas ?? 1;
                    var have = deployment.Status?.AvailableReplicas ?? 0;
                    desired += want;
                    ready += Math.Min(have, want);
                    available &= have >= want && (deployment.Status?.ObservedGeneration ?? 0) >= (deployment.Metadata.Generation ?? 0);
                    selectors.Add((rendered.Namespace!, deployment.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()));
                    break;
                case var model when model == typeof(V1StatefulSet):
                    var set = informers.StatefulSets.Cache.Get(key);
                    if (set is null)
                    {
                        missing.Add(rendered.DisplayName);
                        available = false;
                        continue;
                    }

                    var wanted = set.Spec.Replicas ?? 1;
                    var running = set.Status?.AvailableReplicas ?? set.Status?.ReadyReplicas ?? 0;
                    desired += wanted;
                    ready += Math.Min(running, wanted);
                    available &= running >= wanted && (set.Status?.ObservedGeneration ?? 0) >= (set.Metadata.Generation ?? 0);
                    selectors.Add((rendered.Namespace!, set.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()));
                    break;
            }
        }

        var nodes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var inNamespace in selectors.GroupBy(s => s.Namespace, s => s.Labels, StringComparer.Ordinal))
        {
            var labelSets = inNamespace.Where(labels => labels.Count > 0).ToList();
            if (labelSets.Count == 0)
            {
                continue;
            }

            foreach (var pod in informers.Pods.Cache.List(inNamespace.Key))
            {
                if (pod.Metadata.DeletionTimestamp is null && pod.Spec?.NodeName is { Length: > 0 } node && !nodes.Contains(node)
                    && AnyMatches(pod.Metadata.Labels, labelSets))
                {
                    nodes.Add(node);
                }
            }
        }

        var summary = missing.Count > 0
            ? $"waiting for {string.Join(", ", missing)} to appear in the cache"
            : $"{ready}/{desired} replicas available";
        return new WorkloadState(available, desired, ready, [.. nodes], summary);
    }

    /// <summary>The values of <paramref name="labelKey"/> on the nodes, sorted and without repeats.</summary>
    public IReadOnlyList<string> RegionsOf(ClusterInformers informers, string labelKey) =>
        [.. Nodes
            .Select(n => informers.Nodes.Cache.Get(ResourceKey.Cluster(n))?.Metadata.Labels is { } labels && labels.TryGetValue(labelKey, out var region) ? region : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static bool AnyMatches(IDictionary<string, string>? labels, List<IDictionary<string, string>> selectors)
    {
        if (labels is null)
        {
            return false;
        }

        foreach (var selector in selectors)
        {
            if (Matches(labels, selector))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(IDictionary<string, string> labels, IDictionary<string, string> selector)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var present) || present != value)
            {
                return false;
            }
        }

        return true;
    }
}
