using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>
/// Serves what CRDs declare: on create or change it checks the names, publishes the resources in discovery
/// and sets the NamesAccepted and Established conditions; on deletion it deletes every custom resource of
/// the CRD, then lifts the cleanup finalizer and withdraws the resources.
/// </summary>
internal sealed class CustomResourceDefinitionController(ResourceApi api) : IController
{
    private readonly Dictionary<GroupResource, string> _terminating = [];

    // The spec each CRD was last published with: status writes must not republish (and re-version discovery).
    private readonly Dictionary<string, string> _published = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var events = api.Store.SubscribeAll();
        foreach (var existing in api.Store.List(CustomResourceDefinitions.Resource, null).Items)
        {
            Reconcile(existing.Name);
        }

        await foreach (var e in events.Events.ReadAllAsync(cancellationToken))
        {
            if (e.Object.Resource == CustomResourceDefinitions.Resource)
            {
                if (e.Type == StoreEventType.Deleted)
                {
                    Withdraw(e.Object.Name);
                }
                else
                {
                    Reconcile(e.Object.Name);
                }
            }
            else if (e.Type == StoreEventType.Deleted && _terminating.TryGetValue(e.Object.Resource, out var crdName))
            {
                Reconcile(crdName);
            }
        }
    }

    private void Reconcile(string name)
    {
        var crdType = api.Registry.Current.StorageType(CustomResourceDefinitions.Resource)!;
        var current = api.Store.Get(CustomResourceDefinitions.Resource, "", name);
        if (current is null)
        {
            Withdraw(name);
            return;
        }

        var crd = current.ToJsonObject();
        var types = CustomResourceDefinitions.ServedTypes(crd);
        if (current.IsDeleting)
        {
            Terminate(crdType, crd, types);
            return;
        }

        var conflict = FindNameConflict(name, types);
        var spec = crd["spec"]?.ToJsonString() ?? "";
        if (conflict is null && _published.GetValueOrDefault(name) != spec)
        {
            api.Registry.SetCustomResources(name, types);
            _published[name] = spec;
        }

        WriteStatus(crdType, crd, conflict);
    }

    private string? FindNameConflict(string crdName, ImmutableArray<ResourceType> types)
    {
        var registry = api.Registry.Current;
        foreach (var type in types)
        {
            var existing = registry.Find(type.Group, type.Version, type.Plural);
            if (existing is not null && existing.Custom?.CrdName != crdName)
            {
                return $"\"{type.Plural}\" is already in use";
            }

            var sameKind = registry.FindByKind(type.ApiVersion, type.Kind);
            if (sameKind is not null && sameKind.Custom?.CrdName != crdName)
            {
                return $"\"{type.Kind}\" is already in use";
            }
        }

        return null;
    }

    private void WriteStatus(ResourceType crdType, JsonObject crd, string? conflict)
    {
        var spec = crd["spec"] as JsonObject ?? new JsonObject();
        var status = crd["status"]?.DeepClone() as JsonObject ?? new JsonObject();
        var accepted = conflict is null;
        var conditions = new ConditionList(status, api.Clock.GetUtcNow());
        conditions.Set("NamesAccepted", accepted ? "True" : "False", accepted ? "NoConflicts" : "AlreadyInUse", accepted ? "no conflicts found" : conflict!);
        conditions.Set("Established", accepted ? "True" : "False", accepted ? "InitialNamesAccepted" : "NotAccepted",
            accepted ? "the initial names have been accepted" : "not all names are accepted");
        if (accepted)
        {
            status["acceptedNames"] = spec["names"]?.DeepClone();
            var stored = status is { } s ? s.StringList("storedVersions") : [];
            var storage = (spec["versions"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(v => v["storage"] is JsonValue value && value.GetValue<bool>())?.GetString("name");
            if (storage is not null && !stored.Contains(storage))
            {
                stored.Add(storage);
            }

            status["storedVersions"] = stored.ToJsonArray();
        }

        if (JsonNode.DeepEquals(status, crd["status"]))
        {
            return;
        }

        crd["status"] = status;
        api.Update(crdType, "", crd.Metadata().GetString("name")!, crd, new WriteOptions { FieldManager = "apiextensions-controller" }, Subresource.Status);
    }

    private void Terminate(ResourceType crdType, JsonObject crd, ImmutableArray<ResourceType> types)
    {
        var name = crd.Metadata().GetString("name")!;
        if (types.IsEmpty)
        {
            Withdraw(name);
            Release(crdType, crd);
            return;
        }

        var resource = types[0].GroupResource;
        _terminating[resource] = name;
        var remaining = api.Store.List(resource, null).Items;
        var storage = api.Registry.Current.StorageType(resource) ?? types[0];
        foreach (var item in remaining.Where(i => !i.IsDeleting))
        {
            api.Delete(storage, item.Namespace, item.Name, DeleteOptions.Default);
        }

        if (api.Store.List(resource, null).Items.Count == 0)
        {
            _terminating.Remove(resource);

            // Withdrawn before the CRD disappears, so no client sees a served resource without its CRD.
            Withdraw(name);
            Release(crdType, crd);
        }
    }

    /// <summary>Removes the cleanup finalizer; with no other finalizer the CRD is then gone.</summary>
    private void Release(ResourceType crdType, JsonObject crd) =>
        ControllerWrites.Update(api, crdType, "", crd.Metadata().GetString("name")!, "apiextensions-controller", current =>
        {
            var finalizers = current.Metadata().StringList("finalizers");
            if (!finalizers.Remove(InitialState.CrdCleanupFinalizer))
            {
                return false;
            }

            current.Metadata()["finalizers"] = finalizers.ToJsonArray();
            return true;
        });

    private void Withdraw(string name)
    {
        _published.Remove(name);
        api.Registry.SetCustomResources(name, []);
    }
}
