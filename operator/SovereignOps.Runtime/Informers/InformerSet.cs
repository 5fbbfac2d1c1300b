using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Informers;

/// <summary>
/// The informers of one operator by kind: where apply looks up the live version of a child and
/// pruning finds the children an owner left behind, without a request to the API server.
/// </summary>
public sealed class InformerSet
{
    private readonly Dictionary<ResourceType, IInformer> _informers = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<IInformer> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _informers.Values];
            }
        }
    }

    public void Add(IInformer informer)
    {
        lock (_gate)
        {
            if (!_informers.TryAdd(informer.Type, informer))
            {
                throw new InvalidOperationException($"an informer for {informer.Type.Kind} is already registered");
            }
        }
    }

    public IInformer? For(ResourceType type)
    {
        lock (_gate)
        {
            return _informers.GetValueOrDefault(type);
        }
    }

    public bool AllSynced => All.All(i => i.HasSynced);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(All.Select(i => i.WaitForSyncAsync(cancellationToken)));

    /// <summary>The cached object, or null when it is not cached or the kind has no informer.</summary>
    public IKubernetesObject<V1ObjectMeta>? Get(ResourceType type, ResourceKey key) => For(type)?.Get(key);
}
