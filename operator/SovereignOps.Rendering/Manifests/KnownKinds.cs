using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// The kinds the workload charts may render, how each is loaded into its typed model (strictly:
/// an unknown field is an error), and the order they are listed and applied in: what others depend
/// on first (namespace, policies, quotas, identities, config), then workloads, then what refers to
/// workloads.
/// </summary>
public static class KnownKinds
{
    private static readonly KnownKind[] Ordered = Ranked(
    [
        Kind<V1Namespace>("v1", "Namespace"),
        Kind<V1NetworkPolicy>("networking.k8s.io/v1", "NetworkPolicy"),
        Kind<V1ResourceQuota>("v1", "ResourceQuota"),
        Kind<V1LimitRange>("v1", "LimitRange"),
        Kind<V1ServiceAccount>("v1", "ServiceAccount"),
        Kind<V1Role>("rbac.authorization.k8s.io/v1", "Role"),
        Kind<V1RoleBinding>("rbac.authorization.k8s.io/v1", "RoleBinding"),
        Kind<V1ConfigMap>("v1", "ConfigMap"),
        Kind<V1PersistentVolumeClaim>("v1", "PersistentVolumeClaim"),
        Kind<V1Service>("v1", "Service"),
        Kind<V1Deployment>("apps/v1", "Deployment"),
        Kind<V1StatefulSet>("apps/v1", "StatefulSet"),
        Kind<V2HorizontalPodAutoscaler>("autoscaling/v2", "HorizontalPodAutoscaler"),
        Kind<V1PodDisruptionBudget>("policy/v1", "PodDisruptionBudget"),
    ]);

    private static readonly Dictionary<string, KnownKind> ByKey = Ordered.ToDictionary(kind => kind.Key, StringComparer.Ordinal);

    /// <summary>Every known kind as "apiVersion/kind", in apply order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Ordered.Select(kind => kind.Key)];

    public static bool TryGet(string apiVersion, string kind, out KnownKind known) =>
        ByKey.TryGetValue(apiVersion + "/" + kind, out known!);

    private static KnownKind Kind<T>(string apiVersion, string kind)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(apiVersion, kind, typeof(T));

    private static KnownKind[] Ranked(KnownKind[] kinds) => [.. kinds.Select((kind, rank) => kind with { Rank = rank })];
}

/// <summary>A kind the operator manages.</summary>
/// <param name="Model">The KubernetesClient model the kind is read into.</param>
public sealed record KnownKind(string ApiVersion, string Kind, Type Model)
{
    public string Key => ApiVersion + "/" + Kind;

    /// <summary>Position in apply order.</summary>
    public int Rank { get; init; }

    /// <summary>
    /// Reads one object strictly: a field the model lacks or a value of the wrong type is refused,
    /// with the field's path, instead of being dropped.
    /// </summary>
    public IKubernetesObject<V1ObjectMeta>? Read(JsonNode node, out string? fieldPath, out string? error) =>
        StrictJson.Deserialize(node, Model, out fieldPath, out error) as IKubernetesObject<V1ObjectMeta>;
}
