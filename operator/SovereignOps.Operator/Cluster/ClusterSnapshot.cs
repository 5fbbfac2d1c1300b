using System.Text;
using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Operator.Cluster;

/// <summary>
/// The bundle the CLI would read from files, built from the informer caches instead: every custom
/// resource that is not being deleted, and the cluster's nodes. Objects are ordered by key so the
/// same cluster state always gives the same bundle, and so the same plan.
/// </summary>
public static class ClusterSnapshot
{
    public static Bundle Build(ClusterInformers informers) => new()
    {
        Policies = Live(informers.Policies.Cache.List()),
        Profiles = Live(informers.Profiles.Cache.List()),
        Pools = Live(informers.Pools.Cache.List()),
        Models = Live(informers.Models.Cache.List()),
        Catalogs = Live(informers.Catalogs.Cache.List()),
        Nodes = Live(informers.Nodes.Cache.List()),
    };

    /// <summary>
    /// Of a node, what the planner reads: identity, labels, allocatable resources, cordoning and
    /// readiness — but not the kubelet's heartbeats, which rewrite node status every few seconds.
    /// Nodes with equal keys give equal plans.
    /// </summary>
    public static string NodePlanKey(V1Node node)
    {
        var text = new StringBuilder();
        text.Append(node.Metadata.Name).Append(' ').Append(node.Metadata.Uid).Append(' ').Append(node.Spec?.Unschedulable == true)
            .Append(' ').Append(node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status);
        foreach (var (key, value) in (node.Metadata.Labels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }

        foreach (var (resource, quantity) in (node.Status?.Allocatable ?? new Dictionary<string, ResourceQuantity>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(' ').Append(resource).Append(':').Append(quantity);
        }

        return text.ToString();
    }

    /// <summary>Node events that change what the planner reads (<see cref="NodePlanKey"/>): heartbeats do not pass.</summary>
    public static Func<InformerEvent<V1Node>, bool> NodePlanChanged { get; } = ChangeFilters.When<V1Node, string>(NodePlanKey);

    private static List<T> Live<T>(IEnumerable<T> objects)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [.. objects
            .Where(o => o.Metadata.DeletionTimestamp is null)
            .OrderBy(o => o.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)];
}
