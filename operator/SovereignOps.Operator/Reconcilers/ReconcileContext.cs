using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Cluster;
using SovereignOps.Operator.Desired;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Events;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>What every reconciler shares: the caches, the desired state, and the three ways it writes.</summary>
public sealed class ReconcileContext(ClusterInformers informers, DesiredState desired, ChildSync children, StatusWriter status, EventRecorder events, TimeProvider time)
{
    public ClusterInformers Informers => informers;

    public DesiredState Desired => desired;

    public ChildSync Children => children;

    public TimeProvider Time => time;

    /// <summary>
    /// Writes the status when it differs from the cached one, and records an Event when the Ready
    /// condition changed status or reason, so a transition shows in <c>kubectl describe</c>.
    /// </summary>
    public async Task<ApiResult<bool>> WriteStatusAsync<T, TStatus>(T live, TStatus desiredStatus, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>, IStatus<TStatus?>
        where TStatus : class, IResourceStatus
    {
        var before = live.Status is null ? null : Conditions.Find(live.Status.Conditions, Conditions.Ready);
        var after = Conditions.Find(desiredStatus.Conditions, Conditions.Ready);
        var written = await status.UpdateAsync(live, desiredStatus, cancellationToken);
        if (written.IsSuccess && written.Value && after is not null && (before?.Status != after.Status || before.Reason != after.Reason))
        {
            var type = after.Status == ConditionStatus.True || after.Reason == Reasons.Progressing ? EventType.Normal : EventType.Warning;
            await events.RecordAsync(live, type, after.Reason, after.Message, cancellationToken);
        }

        return written;
    }
}
