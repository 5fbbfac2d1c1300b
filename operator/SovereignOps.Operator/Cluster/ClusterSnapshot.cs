using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;

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
    /// A digest of everything the plan depends on: identity, generation and deletion of every custom
    /// resource (status writes do not change it), and of every node what the planner reads — labels,
    /// allocatable resources, cordoning and readiness — but not the kubelet's heartbeats, which
    /// rewrite node status every few seconds. Equal digests give equal plans.
    /// </summary>
    public static string Fingerprint(ClusterInformers informers)
    {
        var text = new StringBuilder();
        Append(text, informers.Policies.Cache.List());
        Append(text, informers.Profiles.Cache.List());
        Append(text, informers.Pools.Cache.List());
        Append(text, informers.Models.Cache.List());
        Append(text, informers.Catalogs.Cache.List());
        foreach (var node in informers.Nodes.Cache.List().OrderBy(n => n.Metadata.Name, StringComparer.Ordinal))
        {
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

            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<T> Live<T>(IEnumerable<T> objects)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [.. objects
            .Where(o => o.Metadata.DeletionTimestamp is null)
            .OrderBy(o => o.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)];

    private static void Append<T>(StringBuilder text, IEnumerable<T> objects)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var meta in objects.Select(o => o.Metadata).OrderBy(m => m.NamespaceProperty, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            text.Append(meta.NamespaceProperty).Append('/').Append(meta.Name).Append(' ').Append(meta.Uid).Append(' ')
                .Append(meta.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(meta.DeletionTimestamp is null ? "" : " deleting").Append('\n');
        }
    }
}
