namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// Drives one object towards its desired state. It receives a key, never an event: it reads the
/// current state from the informer caches and must give the same answer whatever led to the call
/// (a create, an update, a delete, a resync, a restart). The token is canceled when this instance
/// loses leadership or shuts down.
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken);
}
