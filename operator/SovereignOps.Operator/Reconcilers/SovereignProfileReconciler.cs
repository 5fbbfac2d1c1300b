using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Status;
using SovereignOps.Runtime.Finalizers;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// A customer's tenant baseline: the namespace (adopting the one a bundle carries), pod security,
/// default-deny network policies, quotas sized to the plan, the owner groups' RBAC and the agent
/// storefront. The status sums up the customer's models and agents and whether everything rendered
/// for it passed the residency guard. Deleting the profile removes the customer: its pools and its
/// tenant namespace (with everything in it), and nothing that belongs to anyone else.
/// </summary>
public sealed class SovereignProfileReconciler(ReconcileContext context, KubeApi api, Finalizer finalizer) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (context.Informers.Profiles.Cache.Get(key) is not { } profile)
        {
            return ReconcileResult.Done;
        }

        var step = await finalizer.EnsureAsync(profile, ct => RemoveCustomerAsync(profile, ct), cancellationToken);
        if (!step.IsSuccess)
        {
            return ReconcileResult.Retry($"finalizer: {step.Error}");
        }

        if (step.Value != FinalizerStep.Continue)
        {
            // Added: the update it caused queues the profile again; Finalized or NotOurs: it is going away.
            return ReconcileResult.Done;
        }

        var status = StatusBuilder.From(profile.Status, profile.Metadata.Generation, context.Time);
        var outcome = await DecideAsync(profile, status, cancellationToken);
        Summarise(profile, status.Status);
        var written = await context.WriteStatusAsync(profile, status.Status, cancellationToken);
        return written.IsSuccess ? outcome : ReconcileResult.Retry($"status: {written.Error}");
    }

    private async Task<ReconcileResult> DecideAsync(SovereignProfile profile, StatusBuilder<SovereignProfileStatus> status, CancellationToken cancellationToken)
    {
        var view = context.Desired.View();
        if (view.Validation.ErrorsOf(profile) is { Count: > 0 } errors)
        {
            // What was applied before stays: pruning a tenant namespace would take every workload in it along.
            var message = Findings.Join(errors);
            status.Set(Reasons.BaselineApplied, false, Reasons.InvalidSpec, message).Set(Conditions.Ready, false, Reasons.InvalidSpec, message);
            return ReconcileResult.Done;
        }

        var (_, deployable, render) = await context.Desired.RenderAsync(profile.Metadata.Name, cancellationToken);
        if (deployable is null || render?.Tenant(deployable) is not { } tenant)
        {
            var message = $"the profile is not planned: {string.Join("; ", view.Plan.Problems.Where(p => p.Subject.Contains(profile.Metadata.Name, StringComparison.Ordinal)).Select(p => p.Message).DefaultIfEmpty("its residency policy is missing or invalid"))}";
            status.Set(Reasons.BaselineApplied, false, Reasons.ProfileNotDeployable, message).Set(Conditions.Ready, false, Reasons.ProfileNotDeployable, message);
            return ReconcileResult.Done;
        }

        var findings = render.Units.SelectMany(u => u.Violations).Select(v => $"{v.Object} {v.FieldPath}: {v.Message}")
            .Concat(view.Plan.Residency.Where(v => v.Object.Namespace == profile.Spec.TenantNamespace).Select(v => $"{v.Object} {v.FieldPath}: {v.Message}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        status.Set(Reasons.ResidencyCompliant, findings.Count == 0, findings.Count == 0 ? Reasons.Compliant : Reasons.ResidencyViolation,
            findings.Count == 0 ? $"every object rendered for the customer obeys DataResidencyPolicy {deployable.Plan.Policy.Metadata.Name}" : string.Join("; ", findings));

        if (tenant.RenderFailure is { } failure)
        {
            status.Set(Reasons.BaselineApplied, false, Reasons.RenderFailed, failure).Set(Conditions.Ready, false, Reasons.RenderFailed, failure);
            return ReconcileResult.Retry(failure);
        }

        if (!tenant.MayApply)
        {
            var message = Findings.Join(tenant.Violations);
            status.Set(Reasons.BaselineApplied, false, Reasons.ResidencyViolation, message).Set(Conditions.Ready, false, Reasons.ResidencyViolation, message);
            return ReconcileResult.Done;
        }

        var synced = await context.Children.SyncAsync(profile, profile.Metadata.Name, tenant.Objects, cancellationToken);
        if (!synced.IsSuccess)
        {
            status.Set(Reasons.BaselineApplied, false, Reasons.ApplyFailed, synced.Error.ToString()).Set(Conditions.Ready, false, Reasons.ApplyFailed, synced.Error.ToString());
            return ReconcileResult.Retry($"apply: {synced.Error}");
        }

        var applied = $"namespace {profile.Spec.TenantNamespace} with {tenant.Objects.Count} baseline objects";
        status.Set(Reasons.BaselineApplied, true, Reasons.Applied, applied).Set(Conditions.Ready, true, Reasons.Applied, applied);
        return ReconcileResult.Done;
    }

    private void Summarise(SovereignProfile profile, SovereignProfileStatus status)
    {
        var ns = profile.Spec.TenantNamespace;
        var models = context.Informers.Models.Cache.List(ns);
        var ready = models.Count(m => m.Status is { } s && s.Conditions.Any(c => c.Type == Conditions.Ready && c.Status == "True"));
        status.Models = $"{ready}/{models.Count}";
        var catalogs = context.Informers.Catalogs.Cache.List(ns);
        var approved = catalogs.Sum(c => c.Spec.Agents.Count(a => a.Approval.State == Planning.BundlePlanner.ApprovedState));
        var deployed = catalogs.Sum(c => c.Status?.Agents.Count(a => a.State == AgentCatalogReconciler.Deployed) ?? 0);
        status.Agents = $"{deployed}/{approved}";
        status.Pools = [.. context.Informers.Pools.Cache.List()
            .Where(p => p.Spec.ProfileRef.Name == profile.Metadata.Name)
            .Select(p => p.Metadata.Name)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Removes what belongs to the customer: its GpuPools, and its tenant namespace when the profile
    /// manages it (the namespace takes the customer's models, agents and workloads with it).
    /// Idempotent: what is already gone counts as removed.
    /// </summary>
    private async Task<ApiError?> RemoveCustomerAsync(SovereignProfile profile, CancellationToken cancellationToken)
    {
        var doomed = new List<(ResourceType Type, ResourceKey Key, string? Uid)>();
        foreach (var pool in context.Informers.Pools.Cache.List().Where(p => p.Spec.ProfileRef.Name == profile.Metadata.Name))
        {
            doomed.Add((ResourceType.For<GpuPool>(), ResourceKey.Cluster(pool.Metadata.Name), pool.Metadata.Uid));
        }

        if (context.Informers.Namespaces.Cache.Get(ResourceKey.Cluster(profile.Spec.TenantNamespace)) is { } ns
            && ns.Metadata.Labels is { } labels
            && labels.TryGetValue(Inventory.OwnerUidLabel, out var ownerUid) && ownerUid == profile.Metadata.Uid)
        {
            doomed.Add((ResourceType.For<V1Namespace>(), ResourceKey.Cluster(ns.Metadata.Name), ns.Metadata.Uid));
        }

        foreach (var (type, key, uid) in doomed)
        {
            var deleted = await api.DeleteAsync(type, key, new DeleteOptions { Uid = uid }, cancellationToken);
            if (!deleted.IsSuccess && !deleted.Error.IsNotFound)
            {
                return deleted.Error;
            }
        }

        return null;
    }
}
