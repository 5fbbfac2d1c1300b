using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// Controller references, and the controller-manager's claim step: a controller adopts orphans its selector
/// matches (unless it is being deleted) and releases the objects it controls that its selector no longer matches.
/// </summary>
internal static class Ownership
{
    public static JsonObject ControllerReference(string apiVersion, string kind, StoredObject owner) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>The objects <paramref name="owner"/> controls once orphans are adopted and strays released.</summary>
    public static List<T> Claim<T>(
        WorkloadContext context, ObjectIndex<T> index, GroupResource resource, Func<T, StoredObject> stored,
        StoredObject owner, string apiVersion, string kind, Func<T, bool>? adoptable = null)
        where T : class
    {
        var selector = SelectorCache.Of(owner);
        foreach (var item in index.OwnedBy(owner.Uid).ToList())
        {
            var obj = stored(item);
            if (!owner.IsDeleting && !obj.IsDeleting && !selector.Matches(obj.Labels))
            {
                Release(context, resource, obj, owner.Uid);
            }
        }

        if (!owner.IsDeleting)
        {
            foreach (var item in index.OrphansIn(owner.Namespace).ToList())
            {
                var obj = stored(item);
                if (!obj.IsDeleting && selector.Matches(obj.Labels) && (adoptable?.Invoke(item) ?? true))
                {
                    Adopt(context, resource, obj, ControllerReference(apiVersion, kind, owner));
                }
            }
        }

        return [.. index.OwnedBy(owner.Uid)];
    }

    private static void Adopt(WorkloadContext context, GroupResource resource, StoredObject obj, JsonObject reference) =>
        context.Writer.Update(resource, obj.Namespace, obj.Name, current =>
        {
            var metadata = current.Metadata();
            if (metadata.GetString("uid") != obj.Uid || metadata["deletionTimestamp"] is not null)
            {
                return false;
            }

            var references = metadata["ownerReferences"] as JsonArray ?? [];
            if (references.OfType<JsonObject>().Any(r => r["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController))
            {
                return false;
            }

            references.Add(reference.DeepClone());
            metadata["ownerReferences"] = references;
            return true;
        });

    private static void Release(WorkloadContext context, GroupResource resource, StoredObject obj, string ownerUid) =>
        context.Writer.Update(resource, obj.Namespace, obj.Name, current =>
        {
            if (current.Metadata()["ownerReferences"] is not JsonArray references)
            {
                return false;
            }

            var kept = references.OfType<JsonObject>().Where(r => r.GetString("uid") != ownerUid).Select(r => (JsonNode?)r.DeepClone()).ToArray();
            if (kept.Length == references.Count)
            {
                return false;
            }

            if (kept.Length == 0)
            {
                current.Metadata().Remove("ownerReferences");
            }
            else
            {
                current.Metadata()["ownerReferences"] = new JsonArray(kept);
            }

            return true;
        });
}
