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
    /// resource (status writes do not change it), and the resourceVersion of every node (labels,
    /// allocatable GPUs and readiness live outside a generation). Equal digests give equal plans.
    /// </summary>
    public static string Fingerprint(ClusterInformers informers)
    {
        var text = new StringBuilder();
        Append(text, informers.Policies.Cache.List(), specOnly: true);
        Append(text, informers.Profiles.Cache.List(), specOnly: true);
        Append(text, informers.Pools.Cache.List(), specOnly: true);
        Append(text, informers.Models.Cache.List(), specOnly: true);
        Append(text, informers.Catalogs.Cache.List(), specOnly: true);
        Append(text, informers.Nodes.Cache.List(), specOnly: false);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<T> Live<T>(IEnumerable<T> objects)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [.. objects
            .Where(o => o.Metadata.DeletionTimestamp is null)
            .OrderBy(o => o.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)];

    private static void Append<T>(StringBuilder text, IEnumerable<T> objects, bool specOnly)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var meta in objects.Select(o => o.Metadata).OrderBy(m => m.NamespaceProperty, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            text.Append(meta.NamespaceProperty).Append('/').Append(meta.Name).Append(' ').Append(meta.Uid).Append(' ')
                .Append(specOnly ? meta.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) : meta.ResourceVersion)
                .Append(meta.DeletionTimestamp is null ? "" : " deleting").Append('\n');
        }
    }
}
