using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>A policy's verdict from the same semantic rules the CLI's validate runs, and the profiles bound by it.</summary>
public sealed class DataResidencyPolicyReconciler(ReconcileContext context) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (context.Informers.Policies.Cache.Get(key) is not { } policy || policy.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var view = context.Desired.View();
        var status = StatusBuilder.From(policy.Status, policy.Metadata.Generation, context.Time);
        status.Status.Profiles = [.. context.Informers.Profiles.Cache.List()
            .Where(p => p.Spec.ResidencyPolicyRef.Name == policy.Metadata.Name)
            .Select(p => p.Metadata.Name)
            .Order(StringComparer.Ordinal)];
        var errors = view.Validation.ErrorsOf(policy);
        status.Set(Conditions.Ready, errors.Count == 0, errors.Count == 0 ? Reasons.Valid : Reasons.InvalidSpec,
            errors.Count == 0
                ? $"in force for {status.Status.Profiles.Count} profile(s)"
                : Findings.Join(errors));
        var written = await context.WriteStatusAsync(policy, status.Status, cancellationToken);
        return written.IsSuccess ? ReconcileResult.Done : ReconcileResult.Retry($"status: {written.Error}");
    }
}
