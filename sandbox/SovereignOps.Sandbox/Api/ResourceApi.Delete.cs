using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

public sealed partial class ResourceApi
{
    /// <summary>The finalizer that makes the garbage collector orphan dependents before the owner goes.</summary>
    public const string OrphanFinalizer = "orphan";

    /// <summary>The finalizer that keeps an owner until its blocking dependents are gone.</summary>
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>
    /// Deletes the object now when nothing holds it, otherwise marks it with a deletionTimestamp and leaves
    /// it to its finalizers. Propagation: Orphan and Foreground add the garbage collector's finalizers;
    /// Background (the default) leaves dependents to the collector after the owner is gone.
    /// </summary>
    public ApiResult<DeleteResult> Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Store.Get(type.GroupResource, Scope(type, ns), name);
            if (current is null)
            {
                return ApiError.NotFound(type.GroupResource, name);
            }

            var precondition = CheckPreconditions(type, current, options);
            if (precondition is not null)
            {
                return precondition;
            }

            var obj = current.ToJsonObject();
            var metadata = obj.Metadata();
            var finalizers = metadata.StringList("finalizers");
            var wasDeleting = current.IsDeleting;
            switch (options.PropagationPolicy)
            {
                case PropagationPolicy.Orphan when !finalizers.Contains(OrphanFinalizer):
                    finalizers.Add(OrphanFinalizer);
                    break;
                case PropagationPolicy.Foreground when !finalizers.Contains(ForegroundFinalizer):
                    finalizers.Add(ForegroundFinalizer);
                    break;
                default:
                    break;
            }

            if (GracefulDeletion.PeriodFor(type, obj, options) is { } grace)
            {
                // A running pod is only marked: its kubelet stops the containers and then deletes it with grace 0.
                if (wasDeleting && (metadata.GetLong("deletionGracePeriodSeconds") ?? 0) <= grace)
                {
                    return new DeleteResult(DeleteOutcome.Pending, current);
                }

                metadata["finalizers"] = finalizers.ToJsonArray();
                metadata["deletionTimestamp"] = SandboxJson.Timestamp(Now.AddSeconds(grace));
                metadata["deletionGracePeriodSeconds"] = grace;
                if (options.DryRun)
                {
                    return new DeleteResult(DeleteOutcome.Pending, StoredObject.Transient(type.GroupResource, obj));
                }

                var graceful = Store.Update(type.GroupResource, obj, current.ResourceVersion);
                if (graceful.Outcome == CommitOutcome.Conflict)
                {
                    continue;
                }

                return graceful.Succeeded
                    ? new DeleteResult(DeleteOutcome.Pending, graceful.Object!)
                    : ApiError.NotFound(type.GroupResource, name);
            }

            if (finalizers.Count == 0 && !HasSpecFinalizers(type, obj))
            {
                if (options.DryRun)
                {
                    return new DeleteResult(DeleteOutcome.Deleted, current);
                }

                var removed = Store.Delete(type.GroupResource, obj, current.ResourceVersion);
                if (removed.Outcome == CommitOutcome.Conflict)
                {
                    continue;
                }

                return removed.Succeeded
                    ? new DeleteResult(DeleteOutcome.Deleted, removed.Object!)
                    : ApiError.NotFound(type.GroupResource, name);
            }

            if (wasDeleting && finalizers.SequenceEqual(metadata.StringList("finalizers")))
            {
                return new DeleteResult(DeleteOutcome.Pending, current);
            }

            metadata["finalizers"] = finalizers.ToJsonArray();
            if (!wasDeleting)
            {
                metadata["deletionTimestamp"] = SandboxJson.Timestamp(Now);
                metadata["deletionGracePeriodSeconds"] = 0;
            }

            MarkTerminating(type, obj);
            if (options.DryRun)
            {
                return new DeleteResult(DeleteOutcome.Pending, StoredObject.Transient(type.GroupResource, obj));
            }

            var marked = Store.Update(type.GroupResource, obj, current.ResourceVersion);
            if (marked.Outcome == CommitOutcome.Conflict)
            {
                continue;
            }

            return marked.Succeeded
                ? new DeleteResult(DeleteOutcome.Pending, marked.Object!)
                : ApiError.NotFound(type.GroupResource, name);
        }

        return ApiError.Conflict(type.GroupResource, name, "too many concurrent changes; try again");
    }

    /// <summary>Deletes every object a list with the same options would return; returns what was deleted or marked.</summary>
    public ApiResult<IReadOnlyList<DeleteResult>> DeleteCollection(ResourceType type, string? ns, ListOptions listOptions, DeleteOptions options)
    {
        var listed = List(type, ns, listOptions with { Limit = 0, Continue = null });
        if (!listed.Succeeded)
        {
            return listed.Error;
        }

        var results = new List<DeleteResult>();
        foreach (var item in listed.Value.Items)
        {
            var deleted = Delete(type, item.Namespace, item.Name, options);
            if (deleted.Succeeded)
            {
                results.Add(deleted.Value);
            }
            else if (deleted.Error.Code != 404)
            {
                return deleted.Error;
            }
        }

        return ApiResult.Ok<IReadOnlyList<DeleteResult>>(results);
    }

    private static ApiError? CheckPreconditions(ResourceType type, StoredObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            return ApiError.Conflict(type.GroupResource, current.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }

        var version = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != version)
        {
            return ApiError.Conflict(type.GroupResource, current.Name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {version}");
        }

        return null;
    }

    /// <summary>Namespaces are also held by spec.finalizers, which only the namespace controller clears.</summary>
    internal static bool HasSpecFinalizers(ResourceType type, JsonObject obj) =>
        type.Group.Length == 0 && type.Plural == "namespaces" && obj["spec"] is JsonObject spec && spec.StringList("finalizers").Count > 0;

    private static void MarkTerminating(ResourceType type, JsonObject obj)
    {
        if (type.Group.Length == 0 && type.Plural == "namespaces")
        {
            var status = obj["status"] as JsonObject ?? new JsonObject();
            status["phase"] = "Terminating";
            obj["status"] = status;
        }
    }
}
