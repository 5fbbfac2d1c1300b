using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The workload controllers' writes: through <see cref="ResourceApi"/> (same validation, conflicts and managed
/// fields as any client, under the controller-manager's field manager), retried on conflict, and put into the
/// cache at once so the next reconcile sees them before their events come back.
/// </summary>
internal sealed class WorkloadWriter(ResourceApi api, ClusterCache cache, TextWriter? log)
{
    public const string Manager = "kube-controller-manager";

    private static readonly WriteOptions Options = new() { FieldManager = Manager };

    /// <summary>Writes that failed (other than for an object already gone); the loop retries the key with backoff.</summary>
    public int Failures { get; private set; }

    public ApiResult<StoredObject> Create(GroupResource resource, string ns, JsonObject body)
    {
        var type = TypeOf(resource);
        var created = api.Create(type, ns, body, Options);
        Record(created);
        return created;
    }

    /// <summary>Read-modify-write of the current object; <paramref name="change"/> returns false when nothing is to be done.</summary>
    public void Update(GroupResource resource, string ns, string name, Func<JsonObject, bool> change, Subresource subresource = Subresource.Main)
    {
        var written = ControllerWrites.Update(api, TypeOf(resource), ns, name, Manager, change, subresource);
        if (written is { } result)
        {
            Record(result);
        }
    }

    public void Delete(GroupResource resource, string ns, string name, string uid, PropagationPolicy propagation = PropagationPolicy.Background)
    {
        var deleted = api.Delete(TypeOf(resource), ns, name, new DeleteOptions { PreconditionUid = uid, PropagationPolicy = propagation });
        if (!deleted.Succeeded)
        {
            if (deleted.Error.Code != 404)
            {
                Failures++;
                log?.WriteLine($"workload controllers: deleting {resource} {ns}/{name}: {deleted.Error}");
            }

            return;
        }

        if (deleted.Value.Outcome == DeleteOutcome.Deleted)
        {
            cache.Remove(deleted.Value.Object);
        }
        else
        {
            cache.Put(deleted.Value.Object);
        }
    }

    private void Record(ApiResult<StoredObject> result)
    {
        if (result.Succeeded)
        {
            cache.Put(result.Value);
        }
        else if (result.Error.Code != 404)
        {
            Failures++;
            // Conflicts are retried; a namespace being deleted refuses new content until the owner goes too.
            if (result.Error.Code is not (409 or 403))
            {
                log?.WriteLine($"workload controllers: {result.Error}");
            }
        }
    }

    private ResourceType TypeOf(GroupResource resource) =>
        api.Registry.Current.StorageType(resource) ?? throw new InvalidOperationException($"{resource} is not served");
}
