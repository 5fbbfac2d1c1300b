using System.Collections;
using k8s;
using k8s.Models;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// The objects of one render in a stable order: kind (apply order), then namespace, then name. Two
/// renders of the same input list the same objects in the same order.
/// </summary>
public sealed class RenderedManifest : IReadOnlyList<RenderedObject>
{
    private static readonly IComparer<RenderedObject> StableOrder = Comparer<RenderedObject>.Create((a, b) =>
    {
        var byKind = a.KindRank.CompareTo(b.KindRank);
        if (byKind != 0)
        {
            return byKind;
        }

        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    });

    private readonly RenderedObject[] objects;

    public RenderedManifest(IEnumerable<RenderedObject> objects)
    {
        this.objects = [.. objects];
        Array.Sort(this.objects, StableOrder);
    }

    public int Count => objects.Length;

    public RenderedObject this[int index] => objects[index];

    /// <summary>Every object of the given model type.</summary>
    public IEnumerable<T> OfKind<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        objects.Select(rendered => rendered.Object).OfType<T>();

    /// <summary>The single object of the given type and name; throws when there is none or several.</summary>
    public T Single<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        OfKind<T>().Single(candidate => candidate.Metadata.Name == name);

    public IEnumerator<RenderedObject> GetEnumerator() => ((IEnumerable<RenderedObject>)objects).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
