using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Tests.Profiles;

/// <summary>
/// Checks that a bundle's simulated nodes are the nodes its pools describe: selected by the pool's labels,
/// as many as the pool is sized for, in its region and zones, advertising its GPUs (MIG slices, time-sliced shares), tainted
/// as its tolerations expect, and no node left outside every pool. Returns one line per problem.
/// </summary>
internal static class PoolNodeChecks
{
    public static IReadOnlyList<string> Problems(Bundle bundle)
    {
        var problems = new List<string>();
        foreach (var pool in bundle.Pools)
        {
            var name = pool.Metadata.Name;
            var nodes = bundle.Nodes.Where(n => Selects(pool, n)).ToList();
            if (nodes.Count != pool.Spec.NodeCount)
            {
                problems.Add($"{name}: {nodes.Count} nodes match the selector, the pool is sized for {pool.Spec.NodeCount}");
            }

            foreach (var node in nodes)
            {
                problems.AddRange(NodeProblems(pool, node).Select(p => $"{name}/{node.Metadata.Name}: {p}"));
            }
        }

        problems.AddRange(bundle.Nodes
            .Where(n => !bundle.Pools.Any(p => Selects(p, n)))
            .Select(n => $"{n.Metadata.Name}: no pool selects this node"));
        return problems;
    }

    private static IEnumerable<string> NodeProblems(GpuPool pool, V1Node node)
    {
                if (Label(node, "topology.kubernetes.io/region") != pool.Spec.Region)
        {
            yield return $"region label is {Label(node, "topology.kubernetes.io/region")}, the pool is in {pool.Spec.Region}";
        }

        if (pool.Spec.Zones.Count > 0 && !pool.Spec.Zones.Contains(Label(node, "topology.kubernetes.io/zone") ?? string.Empty))
        {
            yield return $"zone label {Label(node, "topology.kubernetes.io/zone")} is not one of the pool's zones";
        }

        if (pool.Spec.Gpu.ResourceName.StartsWith("nvidia.com/", StringComparison.Ordinal) && Label(node, "nvidia.com/gpu.product") is null)
        {
            yield return "no nvidia.com/gpu.product label";
        }

        var partitioning = pool.Spec.Partitioning;
        var (resource, units) = partitioning.Mode switch
        {
            "MIG" => ($"nvidia.com/mig-{partitioning.MigProfiles[0].Profile}", pool.Spec.Gpu.PerNode * partitioning.MigProfiles[0].PerGpu),
            "TimeSlicing" => (pool.Spec.Gpu.ResourceName, pool.Spec.Gpu.PerNode * (partitioning.TimeSlicingReplicas ?? 1)),
            _ => (pool.Spec.Gpu.ResourceName, pool.Spec.Gpu.PerNode),
        };
        foreach (var (kind, resources) in new[] { ("capacity", node.Status?.Capacity), ("allocatable", node.Status?.Allocatable) })
        {
            var advertised = resources is not null && resources.TryGetValue(resource, out var quantity) ? quantity.ToInt32() : (int?)null;
            if (advertised != units)
            {
                yield return $"{kind} {resource} is {advertised?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, expected {units}";
            }
        }

        var taints = node.Spec?.Taints ?? [];
        if (pool.Spec.Dedicated && !taints.Any(t => pool.Spec.Tolerations.Any(tol => Tolerates(tol, t))))
        {
            yield return "the pool is dedicated but the node carries no taint its tolerations match";
        }

        foreach (var taint in taints.Where(t => !pool.Spec.Tolerations.Any(tol => Tolerates(tol, t))))
        {
            yield return $"taint {taint.Key}={taint.Value}:{taint.Effect} is not tolerated by the pool";
        }
    }

    private static bool Selects(GpuPool pool, V1Node node) =>
        pool.Spec.NodeSelector.All(s => Label(node, s.Key) == s.Value);

    private static string? Label(V1Node node, string key) =>
        node.Metadata.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;

    private static bool Tolerates(Toleration toleration, V1Taint taint) =>
        (toleration.Key is null || toleration.Key == taint.Key)
        && (toleration.Operator == "Exists" || toleration.Value == taint.Value)
        && (toleration.Effect is null || toleration.Effect == taint.Effect);
}
