using System.Reflection;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// Where a kind lives in the API: group, version, plural and scope. Enough to build every path the
/// runtime requests, for built-in kinds and custom resources alike.
/// </summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ResourceType> ByModel = new();

    // Built-in kinds the runtime may meet that are cluster-scoped; every other built-in kind is
    // namespaced. The typed models carry group, version and plural but not the scope.
    private static readonly HashSet<string> ClusterScopedBuiltIns =
    [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
        "CustomResourceDefinition", "PriorityClass", "RuntimeClass", "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration", "APIService", "CSIDriver", "CSINode", "VolumeAttachment",
        "IngressClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    ];

    /// <summary><c>v1</c> for the core group, <c>group/version</c> otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind's collection, across all namespaces when <paramref name="namespace"/> is null.</summary>
    public string CollectionPath(string? @namespace) =>
        Namespaced && @namespace is not null
            ? $"{Prefix}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{Prefix}/{Plural}";

    /// <summary>One object, optionally a subresource such as <c>status</c>.</summary>
    public string ObjectPath(ResourceKey key, string? subresource = null)
    {
        if (Namespaced && key.Namespace is null)
        {
            throw new ArgumentException($"{Kind} is namespaced; the key {key} has no namespace", nameof(key));
        }

        var path = $"{CollectionPath(Namespaced ? key.Namespace : null)}/{Uri.EscapeDataString(key.Name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    /// <summary>The key of an object of this kind, ignoring a namespace a cluster-scoped object cannot have.</summary>
    public ResourceKey KeyOf(V1ObjectMeta metadata) =>
        new(Namespaced ? metadata.NamespaceProperty : null, metadata.Name);

    private string Prefix => Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";

    /// <summary>The resource type of a typed model: a KubernetesClient model or a SovereignOps custom resource.</summary>
    public static ResourceType For<T>() => ForType(typeof(T));

    /// <summary>
    /// The resource a model type is served as, read from its attributes once per type: applies and
    /// prunes ask for every object they touch.
    /// </summary>
    public static ResourceType ForType(Type type) => ByModel.GetOrAdd(type, Describe);

    private static ResourceType Describe(Type type)
    {
        if (type.GetCustomAttribute<CustomResourceAttribute>() is { } custom)
        {
            return new ResourceType(ApiGroup.Group, ApiGroup.Version, custom.Kind, custom.Plural, custom.Namespaced);
        }

        if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity)
        {
            return new ResourceType(entity.Group ?? string.Empty, entity.ApiVersion, entity.Kind, entity.PluralName,
                !ClusterScopedBuiltIns.Contains(entity.Kind));
        }

        throw new ArgumentException($"{type.Name} carries neither [CustomResource] nor [KubernetesEntity]", nameof(type));
    }
}
