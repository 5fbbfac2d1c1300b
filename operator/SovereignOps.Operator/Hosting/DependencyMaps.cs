using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Cluster;
using SovereignOps.Planning.Capacity;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Operator.Hosting;

/// <summary>
/// Which objects must be looked at again when another one changes. A model's plan depends on every
/// model of its pool (pools belong to one customer, so every model in the same tenant namespace is
/// re-planned); the tenant baseline's quotas and storefront depend on the customer's models and
/// agents; a pool's capacity on its nodes. The maps read the caches only.
/// </summary>
public sealed class DependencyMaps(ClusterInformers informers)
{
    public IEnumerable<ResourceKey> ModelsIn(string? ns) =>
        ns is null ? [] : informers.Models.Cache.List(ns).Select(m => ResourceKey.Of(m));

    public IEnumerable<ResourceKey> CatalogsIn(string? ns) =>
        ns is null ? [] : informers.Catalogs.Cache.List(ns).Select(c => ResourceKey.Of(c));

    public IEnumerable<ResourceKey> AllModels() => informers.Models.Cache.List().Select(m => ResourceKey.Of(m));

    public IEnumerable<ResourceKey> AllCatalogs() => informers.Catalogs.Cache.List().Select(c => ResourceKey.Of(c));

    public IEnumerable<ResourceKey> AllPools() => informers.Pools.Cache.List().Select(p => ResourceKey.Of(p));

    public IEnumerable<ResourceKey> AllPolicies() => informers.Policies.Cache.List().Select(p => ResourceKey.Of(p));

    /// <summary>The profile whose tenant namespace is <paramref name="ns"/>.</summary>
    public IEnumerable<ResourceKey> ProfileOf(string? ns) =>
        informers.Profiles.Cache.List().Where(p => p.Spec.TenantNamespace == ns).Select(p => ResourceKey.Of(p));

    public IEnumerable<ResourceKey> ProfilesUsing(DataResidencyPolicy policy) =>
        informers.Profiles.Cache.List().Where(p => p.Spec.ResidencyPolicyRef.Name == policy.Metadata.Name).Select(p => ResourceKey.Of(p));

    public IEnumerable<ResourceKey> PoolsOfProfile(string profile) =>
        informers.Pools.Cache.List().Where(p => p.Spec.ProfileRef.Name == profile).Select(p => ResourceKey.Of(p));

    /// <summary>Pools of the customer a namespaced object belongs to: a model moving between pools changes both.</summary>
    public IEnumerable<ResourceKey> PoolsOfNamespace(string? ns) =>
        informers.Profiles.Cache.List().Where(p => p.Spec.TenantNamespace == ns).SelectMany(p => PoolsOfProfile(p.Metadata.Name));

    public IEnumerable<ResourceKey> PoolsMatching(V1Node node) =>
        informers.Pools.Cache.List().Where(p => Selects(p, node)).Select(p => ResourceKey.Of(p));

    /// <summary>Tenant namespaces of the customers owning a pool that selects <paramref name="node"/>.</summary>
    public IEnumerable<string> NamespacesOnNode(V1Node node)
    {
        var profiles = informers.Pools.Cache.List().Where(p => Selects(p, node)).Select(p => p.Spec.ProfileRef.Name).ToHashSet(StringComparer.Ordinal);
        return informers.Profiles.Cache.List().Where(p => profiles.Contains(p.Metadata.Name)).Select(p => p.Spec.TenantNamespace);
    }

    public IEnumerable<ResourceKey> ProfilesOnNode(V1Node node)
    {
        var profiles = informers.Pools.Cache.List().Where(p => Selects(p, node)).Select(p => p.Spec.ProfileRef.Name).ToHashSet(StringComparer.Ordinal);
        return profiles.Select(ResourceKey.Cluster);
    }

    /// <summary>
    /// The owner of a rendered workload's pod among <paramref name="owners"/>: pods carry their
    /// owning resource's uid as an inventory label, so a pod wakes its own model or catalog only.
    /// </summary>
    public static IEnumerable<ResourceKey> OwnerOf<T>(V1Pod pod, Informer<T> owners)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        pod.Metadata.Labels is { } labels && labels.TryGetValue(InventoryLabels.OwnerUid, out var uid) && owners.Cache.GetByUid(uid) is { } owner
            ? [ResourceKey.Of(owner)]
            : [];

    private static bool Selects(GpuPool pool, V1Node node) =>
        pool.Spec.NodeSelector.Count > 0 && NodeSelection.Matches(node.Metadata.Labels, pool.Spec.NodeSelector);
}
