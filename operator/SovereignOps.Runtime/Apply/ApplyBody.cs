using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Apply;

/// <summary>
/// Turns a rendered child into the exact body this operator applies: identity, inventory labels,
/// the controller owner reference where one is allowed, no server-owned metadata, no status, and
/// the digest of all that as an annotation.
/// </summary>
public static class ApplyBody
{
    // Metadata the server owns; sent in an apply body they are refused or turn into preconditions.
    private static readonly string[] ServerMetadata =
        ["resourceVersion", "uid", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"];

    public static JsonObject Build(IKubernetesObject<V1ObjectMeta> owner, string partOf, IKubernetesObject<V1ObjectMeta> child) =>
        Build(owner, partOf, ResourceType.ForType(child.GetType()), JsonNode.Parse(KubernetesJson.Serialize(child))!.AsObject());

    /// <summary>The same, from the child's JSON (taken over and changed in place) and its kind.</summary>
    public static JsonObject Build(IKubernetesObject<V1ObjectMeta> owner, string partOf, ResourceType childType, JsonObject body)
    {
        var ownerType = ResourceType.ForType(owner.GetType());
        body["apiVersion"] = childType.ApiVersion;
        body["kind"] = childType.Kind;
        body.Remove("status");

        var metadata = body["metadata"] as JsonObject ?? throw new ArgumentException($"{childType.Kind} has no metadata", nameof(body));
        foreach (var field in ServerMetadata)
        {
            metadata.Remove(field);
        }

        var labels = metadata["labels"] as JsonObject ?? [];
        labels[Inventory.ManagedByLabel] = Inventory.ManagedByValue;
        labels[Inventory.PartOfLabel] = partOf;
        labels[Inventory.OwnerUidLabel] = owner.Metadata.Uid;
        labels[Inventory.OwnerKindLabel] = ownerType.Kind;
        metadata["labels"] = labels;

        if (OwnerReferences.CanOwn(ownerType, owner.Metadata, childType, metadata["namespace"]?.GetValue<string>()))
        {
            var reference = JsonNode.Parse(KubernetesJson.Serialize(OwnerReferences.ControllerReference(ownerType, owner.Metadata)))!;
            var others = (metadata["ownerReferences"] as JsonArray ?? [])
                .Where(r => r?["uid"]?.GetValue<string>() != owner.Metadata.Uid && r?["controller"]?.GetValue<bool>() != true)
                .Select(r => r!.DeepClone());
            metadata["ownerReferences"] = new JsonArray([reference, .. others]);
        }

        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations.Remove(Inventory.AppliedHashAnnotation);
        metadata["annotations"] = annotations;
        annotations[Inventory.AppliedHashAnnotation] = CanonicalJson.Digest(body);
        return body;
    }
}
