using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>
/// Namespace lifecycle: every new namespace gets its "default" ServiceAccount; a namespace being deleted
/// (Terminating) has everything in it deleted, and once nothing is left its "kubernetes" finalizer is
/// lifted so the namespace itself goes.
/// </summary>
internal sealed class NamespaceController(ResourceApi api) : IController
{
    private static readonly GroupResource Namespaces = new("", "namespaces");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var events = api.Store.SubscribeAll();
        foreach (var ns in api.Store.List(Namespaces, null).Items)
        {
            Reconcile(ns.Name);
        }

        await foreach (var e in events.Events.ReadAllAsync(cancellationToken))
        {
            if (e.Object.Resource == Namespaces)
            {
                if (e.Type != StoreEventType.Deleted)
                {
                    Reconcile(e.Object.Name);
                }
            }
            else if (e.Type == StoreEventType.Deleted && e.Object.Namespace.Length > 0)
            {
                var ns = api.Store.Get(Namespaces, "", e.Object.Namespace);
                if (ns is { IsDeleting: true })
                {
                    Reconcile(ns.Name);
                }
            }
        }
    }

    private void Reconcile(string name)
    {
        var ns = api.Store.Get(Namespaces, "", name);
        if (ns is null)
        {
            return;
        }

        if (!ns.IsDeleting)
        {
            EnsureDefaultServiceAccount(name);
            return;
        }

        var remaining = api.Store.ListNamespace(name);
        foreach (var item in remaining.Where(i => !i.IsDeleting))
        {
            if (api.Registry.Current.StorageType(item.Resource) is { } type)
            {
                api.Delete(type, item.Namespace, item.Name, DeleteOptions.Default);
            }
        }

        if (api.Store.ListNamespace(name).Count == 0)
        {
            Finalize(ns);
        }
    }

    private void Finalize(StoredObject ns)
    {
        var type = api.Registry.Current.StorageType(Namespaces)!;
        ControllerWrites.Update(api, type, "", ns.Name, "namespace-controller", obj =>
        {
            if (obj["spec"] is not JsonObject spec)
            {
                return false;
            }

            var finalizers = spec.StringList("finalizers");
            if (!finalizers.Remove(InitialState.NamespaceFinalizer))
            {
                return false;
            }

            spec["finalizers"] = finalizers.ToJsonArray();
            return true;
        });
    }

    private void EnsureDefaultServiceAccount(string ns)
    {
        var serviceAccounts = api.Resolve("", "v1", "serviceaccounts")!;
        if (api.Store.Get(serviceAccounts.GroupResource, ns, "default") is not null)
        {
            return;
        }

        api.Create(serviceAccounts, ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
        }, new WriteOptions { FieldManager = "serviceaccount-controller" });
    }
}
