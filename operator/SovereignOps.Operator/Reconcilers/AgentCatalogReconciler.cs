using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Desired;
using SovereignOps.Planning;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// Deploys the Approved entries of a catalog, each bound to its model, and nothing else: a pending,
/// rejected or revoked entry has no objects (revoking a deployed agent prunes it). The status gives
/// every entry its state and the reason for it.
/// </summary>
public sealed class AgentCatalogReconciler(ReconcileContext context) : IReconciler
{
    public const string Deployed = "Deployed";
    public const string Deploying = "Deploying";
    public const string PendingApproval = "PendingApproval";
    public const string ModelUnavailable = "ModelUnavailable";
    public const string Rejected = "Rejected";
    public const string Revoked = "Revoked";
    public const string Failed = "Failed";

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        if (context.Informers.Catalogs.Cache.Get(key) is not { } catalog || catalog.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var status = StatusBuilder.From(catalog.Status, catalog.Metadata.Generation, context.Time);
        var outcome = await DecideAsync(catalog, status, cancellationToken);
        var written = await context.WriteStatusAsync(catalog, status.Status, cancellationToken);
        return written.IsSuccess ? outcome : ReconcileResult.Retry($"status: {written.Error}");
    }

    private async Task<ReconcileResult> DecideAsync(AgentCatalog catalog, StatusBuilder<AgentCatalogStatus> status, CancellationToken cancellationToken)
    {
        var view = context.Desired.View();
        status.Status.Total = catalog.Spec.Agents.Count;
        var errors = view.Validation.ErrorsOf(catalog);
        var profile = view.ProfileForNamespace(catalog.Metadata.NamespaceProperty);
        if (errors.Count > 0 || profile is null)
        {
            var message = errors.Count > 0
                ? Findings.Join(errors)
                : $"no deployable SovereignProfile has {catalog.Metadata.NamespaceProperty} as its tenant namespace";
            var reason = errors.Count > 0 ? Reasons.InvalidSpec : Reasons.ProfileNotDeployable;
            status.Status.Agents = [.. catalog.Spec.Agents.Select(e => Entry(e, ApprovalState(e) ?? Failed, null, ApprovalMessage(e) ?? message))];
            status.Status.Deployed = 0;
            status.Set(Conditions.Ready, false, reason, message);
            var pruned = await context.Children.SyncAsync(catalog, catalog.Metadata.NamespaceProperty, [], cancellationToken);
            return pruned.IsSuccess ? ReconcileResult.Done : ReconcileResult.Retry($"prune: {pruned.Error}");
        }

        var (_, _, render) = await context.Desired.RenderAsync(profile.Name, cancellationToken);
        if (render is null)
        {
            return ReconcileResult.Retry("the profile changed while rendering; planning again");
        }

        var objects = new List<DesiredObject>();
        var entries = new List<AgentEntryStatus>();
        var failures = new List<string>();
        var invalidEntries = false;
        foreach (var entry in catalog.Spec.Agents)
        {
            if (view.Validation.EntryErrorsOf(catalog, entry.Name) is { Count: > 0 } entryErrors)
            {
                entries.Add(Entry(entry, Failed, null, Findings.Join(entryErrors)));
                invalidEntries = true;
                continue;
            }

            if (ApprovalState(entry) is { } decided)
            {
                entries.Add(Entry(entry, decided, null, ApprovalMessage(entry)));
                continue;
            }

            var planned = profile.Full.Agents.FirstOrDefault(a => a.Catalog.Metadata.Uid == catalog.Metadata.Uid && a.Entry.Name == entry.Name);
            var (state, message) = Resolve(planned, profile, render, view, objects, failures);
            entries.Add(Entry(entry, state, planned?.Binding.Model?.Key, message));
        }

        var synced = await context.Children.SyncAsync(catalog, profile.Name, objects, cancellationToken);
        if (!synced.IsSuccess)
        {
            status.Set(Conditions.Ready, false, Reasons.ApplyFailed, synced.Error.ToString());
            return ReconcileResult.Retry($"apply: {synced.Error}");
        }

        // Deployed only once the agent's workload is available; until then it is deploying.
        foreach (var entryStatus in entries.Where(e => e.State == Deploying))
        {
            var unit = render.Unit(Subject(catalog, entryStatus.Name))!;
            var workload = WorkloadState.Of(unit.Objects, context.Informers);
            entryStatus.State = workload.Available ? Deployed : Deploying;
            entryStatus.Message = workload.Summary;
        }

        status.Status.Agents = entries;
        status.Status.Deployed = entries.Count(e => e.State == Deployed);
        var approved = catalog.Spec.Agents.Count(e => e.Approval.State == BundlePlanner.ApprovedState);
        var notDeployed = entries.Where(e => e.State is not (Deployed or PendingApproval or Rejected or Revoked)).ToList();
        status.Set(Conditions.Ready, notDeployed.Count == 0,
            notDeployed.Count == 0 ? Reasons.AgentsDeployed
                : invalidEntries ? Reasons.InvalidSpec
                : notDeployed.All(e => e.State == Deploying) ? Reasons.Progressing
                : Reasons.AgentsPending,
            notDeployed.Count == 0
                ? $"{status.Status.Deployed} of {approved} approved agents deployed"
                : string.Join("; ", notDeployed.Select(e => $"{e.Name}: {e.State}{(e.Message is null ? "" : $" ({e.Message})")}")));
        return failures.Count > 0 ? ReconcileResult.Retry(string.Join("; ", failures)) : ReconcileResult.Done;
    }

    private static (string State, string? Message) Resolve(PlannedAgent? planned, DeployableProfile profile, ProfileRender render, ClusterView view, List<DesiredObject> objects, List<string> failures)
    {
        if (planned is null)
        {
            return (Failed, "the entry was not planned");
        }

        if (!planned.Binding.Bound)
        {
            return (ModelUnavailable, planned.Binding.Problem);
        }

        var model = planned.Binding.Model!.Key;
        if (!profile.Plan.Models.Any(m => m.Model.Key == model))
        {
            return (ModelUnavailable, $"model {model} is not deployed (see its Ready condition)");
        }

        var findings = DeployableProfile.AgentViolations(planned, view.Plan.Residency).Select(v => $"{v.FieldPath}: {v.Message}").ToList();
        if (planned.Placement.Problem is { } placement)
        {
            findings.Insert(0, placement);
        }

        var unit = render.Unit(Subject(planned.Catalog, planned.Entry.Name));
        if (unit is not null)
        {
            findings.AddRange(unit.Violations.Select(Findings.Describe));
        }

        if (findings.Count > 0)
        {
            return (Failed, $"{Reasons.ResidencyViolation}: {string.Join("; ", findings)}");
        }

        if (unit is null)
        {
            return (Failed, "the entry was not rendered");
        }

        if (unit.RenderFailure is { } failure)
        {
            failures.Add(failure);
            return (Failed, $"{Reasons.RenderFailed}: {failure}");
        }

        objects.AddRange(unit.Objects);
        return (Deploying, null);
    }

    private static string Subject(AgentCatalog catalog, string entry) => $"agent {catalog.Key}/{entry}";

    /// <summary>The state of an entry that is not approved; null for an approved one.</summary>
    private static string? ApprovalState(AgentEntry entry) => entry.Approval.State switch
    {
        BundlePlanner.ApprovedState => null,
        "Rejected" => Rejected,
        "Revoked" => Revoked,
        _ => PendingApproval,
    };

    private static string? ApprovalMessage(AgentEntry entry) => entry.Approval.State switch
    {
        BundlePlanner.ApprovedState => null,
        "Pending" => "awaiting the customer's approval",
        _ => entry.Approval.Reason ?? $"{entry.Approval.State.ToLowerInvariant()} by {entry.Approval.ApprovedBy ?? "the customer"}",
    };

    private static AgentEntryStatus Entry(AgentEntry entry, string state, string? model, string? message) =>
        new() { Name = entry.Name, State = state, Model = model, Message = message };
}
