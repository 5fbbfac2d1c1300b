using k8s;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Finalizers;

/// <summary>
/// The finalizer protocol for one controller: add the finalizer before any side effect, run an
/// idempotent cleanup when the object is being deleted, and remove the finalizer only after that
/// cleanup succeeded. Finalizer edits are merge patches with a resourceVersion precondition, never a
/// PUT of the whole object.
/// </summary>
public sealed class Finalizer(KubeApi api, string name, ILogger? logger = null)
{
    /// <summary>The finalizer the SovereignOps controllers put on their custom resources.</summary>
    public const string Cleanup = "sovereignops.io/cleanup";

    private readonly ILogger _logger = (logger ?? Log.Logger).ForContext<Finalizer>();

    public string Name { get; } = name;

    public static bool IsBeingDeleted(IKubernetesObject<V1ObjectMeta> obj) => obj.Metadata.DeletionTimestamp is not null;

    public bool IsPresent(IKubernetesObject<V1ObjectMeta> obj) => obj.Metadata.Finalizers?.Contains(Name) == true;

    /// <summary>
    /// Runs the protocol for the cached object. <paramref name="cleanup"/> is called only while the
    /// object is being deleted and carries this finalizer; it must be safe to run more than once.
    /// A failed cleanup or a lost precondition race comes back as an error to retry with backoff.
    /// </summary>
    public async Task<ApiResult<FinalizerStep>> EnsureAsync(IKubernetesObject<V1ObjectMeta> obj, Func<CancellationToken, Task<ApiError?>> cleanup, CancellationToken cancellationToken)
    {
        var type = ResourceType.ForType(obj.GetType());
        var key = type.KeyOf(obj.Metadata);
        if (!IsBeingDeleted(obj))
        {
            if (IsPresent(obj))
            {
                return ApiResult.Success(FinalizerStep.Continue);
            }

            var added = await api.PatchAsync(type, key, PatchType.Merge, FinalizerPatch.With(obj.Metadata, Name), new PatchOptions(), cancellationToken);
            return added.IsSuccess ? ApiResult.Success(FinalizerStep.Added) : added.Error;
        }

        if (!IsPresent(obj))
        {
            return ApiResult.Success(FinalizerStep.NotOurs);
        }

        if (await cleanup(cancellationToken) is { } failure)
        {
            _logger.Warning("Cleanup of {Kind} {Key} failed, keeping finalizer {Finalizer}: {Error}", type.Kind, key, Name, failure);
            return failure;
        }

        var removed = await api.PatchAsync(type, key, PatchType.Merge, FinalizerPatch.Without(obj.Metadata, Name), new PatchOptions(), cancellationToken);
        if (!removed.IsSuccess)
        {
            // 404: the object went away meanwhile (another finalizer holder was last); that is success.
            return removed.Error.IsNotFound ? ApiResult.Success(FinalizerStep.Finalized) : removed.Error;
        }

        _logger.Information("Cleaned up {Kind} {Key}, removed finalizer {Finalizer}", type.Kind, key, Name);
        return ApiResult.Success(FinalizerStep.Finalized);
    }
}
