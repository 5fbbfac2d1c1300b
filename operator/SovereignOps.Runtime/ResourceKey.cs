using k8s;
using k8s.Models;

namespace SovereignOps.Runtime;

/// <summary>
/// Identifies one object of a kind: <c>namespace/name</c>, or just <c>name</c> for cluster-scoped
/// objects. The unit of work of the queue and the key of every informer cache.
/// </summary>
public readonly record struct ResourceKey
{
    public ResourceKey(string? @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        Name = name;
    }

    /// <summary>The namespace, or null for a cluster-scoped object.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    public bool IsClusterScoped => Namespace is null;

    public static ResourceKey Cluster(string name) => new(null, name);

    public static ResourceKey Of(IKubernetesObject<V1ObjectMeta> obj)
    {
        var metadata = obj.Metadata ?? throw new ArgumentException("the object has no metadata", nameof(obj));
        return new ResourceKey(metadata.NamespaceProperty, metadata.Name);
    }

    /// <summary>Parses <c>namespace/name</c> or <c>name</c>.</summary>
    public static ResourceKey Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Cluster(text) : new ResourceKey(text[..slash], text[(slash + 1)..]);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
