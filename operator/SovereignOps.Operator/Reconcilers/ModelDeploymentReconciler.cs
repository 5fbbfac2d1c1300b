using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// validate → plan → render → guard → apply → status for one ModelDeployment, from the same view
/// every other reconciler uses. A model that is invalid, does not fit or breaks a residency rule
/// gets a condition saying so with the numbers or the offending field, and none of its objects;
/// the other models of the pool are planned as if it were not there.
/// </summary>
public sealed class ModelDeploymentReconciler(ReconcileContext context) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (context.Informers.Models.Cache.Get(key) is not { } model || model.Metadata.DeletionTimestamp is not null)
        {
            // Its children carry an owner reference and go with it.
            return ReconcileResult.Done;
        }

        var status = StatusBuilder.From(model.Status, model.Metadata.Generation, context.Time);
        var view = context.Desired.View();
        var outcome = await DecideAsync(model, view, status, cancellationToken);
        var written = await context.WriteStatusAsync(model, status.Status, cancellationToken);
        if (!written.IsSuccess)
        {
            return ReconcileResult.Retry($"status: {written.Error}");
        }

        return outcome;
    }

    private async Task<ReconcileResult> DecideAsync(ModelDeployment model, Desired.ClusterView view, StatusBuilder<ModelDeploymentStatus> status, CancellationToken cancellationToken)
    {
        status.Status.Endpoint = ChartNames.ModelEndpoint(model.Metadata.Name, model.Metadata.NamespaceProperty, model.Spec.Runtime.Engine);
        if (view.Validation.ErrorsOf(model) is { Count: > 0 } errors)
        {
            return await WithdrawAsync(model, status, Reasons.Planned, Reasons.InvalidSpec, Findings.Join(errors), cancellationToken);
        }

        if (view.ModelPlan(model) is not { } plan || view.ProfileForNamespace(model.Metadata.NamespaceProperty) is not { } profile)
        {
            return await WithdrawAsync(model, status, Reasons.Planned, Reasons.ProfileNotDeployable,
                $"no deployable SovereignProfile has {model.Metadata.NamespaceProperty} as its tenant namespace", cancellationToken);
        }

        Describe(plan, status.Status);
        if (!plan.Fits)
        {
            return await WithdrawAsync(model, status, Reasons.Planned, Reasons.InsufficientGpuCapacity, plan.Problem!, cancellationToken);
        }

        status.Set(Reasons.Planned, true, Reasons.Fits, $"{Gib.Format(plan.Memory.TotalGiB)} GiB per replica on {plan.Layout!.DescribeDevices()} ({plan.Layout.Describe()}) in GpuPool {plan.PoolName}");
        var planned = profile.Full.Models.First(m => m.Model.Key == model.Key);
        var findings = view.PlanViolations(model.Kind, model.Metadata.NamespaceProperty, model.Metadata.Name).Select(Findings.Describe).ToList();
        if (planned.Placement?.Problem is { } placementProblem)
        {
            findings.Insert(0, placementProblem);
        }

        if (findings.Count > 0)
        {
            return await WithdrawAsync(model, status, Reasons.ResidencyCompliant, Reasons.ResidencyViolation, string.Join("; ", findings), cancellationToken);
        }

        var (_, _, render) = await context.Desired.RenderAsync(profile.Name, cancellationToken);
        if (render?.Unit($"{model.Kind} {model.Key}") is not { } unit)
        {
            return ReconcileResult.Retry("the profile changed while rendering; planning again");
        }

        if (unit.RenderFailure is { } failure)
        {
            status.Set(Conditions.Ready, false, Reasons.RenderFailed, failure);
            return ReconcileResult.Retry(failure);
        }

        if (unit.Violations.Count > 0)
        {
            return await WithdrawAsync(model, status, Reasons.ResidencyCompliant, Reasons.ResidencyViolation, Findings.Join(unit.Violations), cancellationToken);
        }

        status.Set(Reasons.ResidencyCompliant, true, Reasons.Compliant, "every rendered object passed the residency guard");
        var synced = await context.Children.SyncAsync(model, profile.Name, unit.Objects, cancellationToken);
        if (!synced.IsSuccess)
        {
            status.Set(Conditions.Ready, false, Reasons.ApplyFailed, synced.Error.ToString());
            return ReconcileResult.Retry($"apply: {synced.Error}");
        }

        var workload = WorkloadState.Of(unit.Objects, context.Informers);
        status.Status.Replicas = workload.Desired;
        status.Status.ReadyReplicas = workload.Ready;
        status.Status.Placement = new Placement
        {
            Nodes = [.. workload.Nodes],
            Regions = [.. workload.RegionsOf(context.Informers, profile.Plan.Policy.Spec.Regions.NodeLabelKey)],
        };
        status.Set(Conditions.Ready, workload.Available, workload.Available ? Reasons.Available : Reasons.Progressing, workload.Summary);
        return ReconcileResult.Done;
    }

    /// <summary>Records why the model may not run, sets Ready=False with the same reason, and removes whatever of it was applied.</summary>
    private async Task<ReconcileResult> WithdrawAsync(ModelDeployment model, StatusBuilder<ModelDeploymentStatus> status, string condition, string reason, string message, CancellationToken cancellationToken)
    {
        status.Set(condition, false, reason, message).Set(Conditions.Ready, false, reason, message);
        status.Status.ReadyReplicas = 0;
        status.Status.Placement = new Placement();
        var pruned = await context.Children.SyncAsync(model, model.Metadata.NamespaceProperty, [], cancellationToken);
        return pruned.IsSuccess ? ReconcileResult.Done : ReconcileResult.Retry($"prune: {pruned.Error}");
    }

    private static void Describe(ModelPlan plan, ModelDeploymentStatus status)
    {
        status.Pool = plan.PoolName;
        status.GpusPerReplica = plan.Layout?.DevicesPerReplica;
        status.GpuResource = plan.Layout?.ResourceName;
        status.TensorParallel = plan.Layout?.TensorParallel;
        status.PipelineParallel = plan.Layout?.PipelineParallel;
        status.Memory = new MemoryEstimate
        {
            WeightsGiB = Gib.Format(plan.Memory.WeightsGiB),
            KvCacheGiB = Gib.Format(plan.Memory.KvCacheGiB),
            HeadroomGiB = Gib.Format(plan.Memory.HeadroomGiB),
            TotalGiB = Gib.Format(plan.Memory.TotalGiB),
            ArchitectureEstimated = plan.Memory.Shape.Estimated,
        };
    }
}
