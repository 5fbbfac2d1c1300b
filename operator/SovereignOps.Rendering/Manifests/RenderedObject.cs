using k8s;
using k8s.Models;

namespace SovereignOps.Rendering.Manifests;

/// <summary>One object a chart rendered, typed, with where it came from.</summary>
public sealed record RenderedObject
{
    public required IKubernetesObject<V1ObjectMeta> Object { get; init; }

    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Null for cluster-scoped objects (the Namespace).</summary>
    public string? Namespace { get; init; }

    /// <summary>The chart template that produced it, from helm's <c># Source:</c> comment.</summary>
    public required string SourceTemplate { get; init; }

    /// <summary>Position of the kind in apply order (see <see cref="KnownKinds"/>).</summary>
    public required int KindRank { get; init; }

    /// <summary>A file name unique within the object's namespace: <c>kind-name.yaml</c>, lower case.</summary>
    public string FileName => $"{Kind.ToLowerInvariant()}-{Name}.yaml";

    /// <summary>"Kind namespace/name" (or "Kind name" when cluster-scoped), for messages.</summary>
    public string DisplayName => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>The object as the given model type, e.g. <c>As&lt;V1Deployment&gt;()</c>.</summary>
    public T As<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        Object is T typed ? typed : throw new InvalidCastException($"{DisplayName} is a {Object.GetType().Name}, not a {typeof(T).Name}.");
}
