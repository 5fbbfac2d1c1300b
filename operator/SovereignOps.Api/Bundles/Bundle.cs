using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Bundles;

/// <summary>Where an object was read from: the file and the line its document starts on.</summary>
public sealed record SourceLocation(string File, int Line)
{
    /// <summary>Where each field of the object's document was written, when it was read from YAML.</summary>
    public SourceMap? Fields { get; init; }

    /// <summary>
    /// The line of <paramref name="fieldPath"/> (or of its nearest ancestor written in the file), falling
    /// back to the line the document starts on.
    /// </summary>
    public int LineOf(string fieldPath) => Fields is null ? Line : Fields.Locate(fieldPath).Line;

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>
/// A country bundle: every object read from a set of files or folders, typed. Validation, planning and
/// rendering take a bundle and return values; the operator builds the same bundle from its cache.
/// </summary>
public sealed class Bundle
{
    public List<DataResidencyPolicy> Policies { get; init; } = [];

    public List<SovereignProfile> Profiles { get; init; } = [];

    public List<GpuPool> Pools { get; init; } = [];

    public List<ModelDeployment> Models { get; init; } = [];

    public List<AgentCatalog> Catalogs { get; init; } = [];

    /// <summary>v1 Nodes (the examples' nodes.yaml, or the cluster's nodes in the operator).</summary>
    public List<V1Node> Nodes { get; init; } = [];

    /// <summary>v1 Namespaces carried by the bundle (the tenant namespaces).</summary>
    public List<V1Namespace> Namespaces { get; init; } = [];

    /// <summary>Where each object came from, keyed by the object instance. Empty for bundles built from a cluster.</summary>
    public Dictionary<object, SourceLocation> Sources { get; init; } = new(ReferenceEqualityComparer.Instance);

    public SourceLocation? SourceOf(object resource) => Sources.GetValueOrDefault(resource);

    /// <summary>Every object of the bundle, custom resources first, in the order they were added.</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Objects =>
        Policies.Cast<IKubernetesObject<V1ObjectMeta>>()
            .Concat(Profiles)
            .Concat(Pools)
            .Concat(Models)
            .Concat(Catalogs)
            .Concat(Namespaces)
            .Concat(Nodes);

    public DataResidencyPolicy? FindPolicy(string name) => Policies.Find(p => p.Metadata.Name == name);

    public SovereignProfile? FindProfile(string name) => Profiles.Find(p => p.Metadata.Name == name);

    public GpuPool? FindPool(string name) => Pools.Find(p => p.Metadata.Name == name);

    /// <summary>The profile whose tenant namespace holds <paramref name="namespaceName"/>.</summary>
    public SovereignProfile? ProfileForNamespace(string? namespaceName) =>
        Profiles.Find(p => p.Spec.TenantNamespace == namespaceName);

    /// <summary>The pool a model is placed on: its gpuPoolRef, else its profile's default pool.</summary>
    public GpuPool? PoolFor(ModelDeployment model)
    {
        var name = model.Spec.GpuPoolRef?.Name ?? ProfileForNamespace(model.Metadata.NamespaceProperty)?.Spec.DefaultGpuPool;
        return name is null ? null : FindPool(name);
    }

    /// <summary>Adds every object of <paramref name="other"/> to this bundle.</summary>
    public void Add(Bundle other)
    {
        Policies.AddRange(other.Policies);
        Profiles.AddRange(other.Profiles);
        Pools.AddRange(other.Pools);
        Models.AddRange(other.Models);
        Catalogs.AddRange(other.Catalogs);
        Nodes.AddRange(other.Nodes);
        Namespaces.AddRange(other.Namespaces);
        foreach (var (resource, source) in other.Sources)
        {
            Sources[resource] = source;
        }
    }
}
