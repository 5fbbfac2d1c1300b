using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Informers;

/// <summary>What a manager needs to run informers of different kinds side by side.</summary>
public interface IInformer
{
    ResourceType Type { get; }

    bool HasSynced { get; }

    /// <summary>Lists, then watches, until canceled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes when every namespace the informer covers has been listed once.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>The cached object with the key, whatever its kind.</summary>
    IKubernetesObject<V1ObjectMeta>? Get(ResourceKey key);

    /// <summary>The cached objects carrying the label, whatever their kind (used for pruning).</summary>
    IReadOnlyList<IKubernetesObject<V1ObjectMeta>> ListByLabel(string key, string value);
}
