using k8s.Models;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// The kinds the workload charts may render, their typed models, and the order they are listed
/// and applied in: what others depend on first (namespace, policies, quotas, identities, config),
/// then workloads, then what refers to workloads.
/// </summary>
public static class KnownKinds
{
    private static readonly (string ApiVersion, string Kind, Type Type)[] Ordered =
    [
        ("v1", "Namespace", typeof(V1Namespace)),
        ("networking.k8s.io/v1", "NetworkPolicy", typeof(V1NetworkPolicy)),
        ("v1", "ResourceQuota", typeof(V1ResourceQuota)),
        ("v1", "LimitRange", typeof(V1LimitRange)),
        ("v1", "ServiceAccount", typeof(V1ServiceAccount)),
        ("rbac.authorization.k8s.io/v1", "Role", typeof(V1Role)),
        ("rbac.authorization.k8s.io/v1", "RoleBinding", typeof(V1RoleBinding)),
        ("v1", "ConfigMap", typeof(V1ConfigMap)),
        ("v1", "PersistentVolumeClaim", typeof(V1PersistentVolumeClaim)),
        ("v1", "Service", typeof(V1Service)),
        ("apps/v1", "Deployment", typeof(V1Deployment)),
        ("apps/v1", "StatefulSet", typeof(V1StatefulSet)),
        ("autoscaling/v2", "HorizontalPodAutoscaler", typeof(V2HorizontalPodAutoscaler)),
        ("policy/v1", "PodDisruptionBudget", typeof(V1PodDisruptionBudget)),
    ];

    private static readonly Dictionary<string, (Type Type, int Rank)> ByKey =
        Ordered.Select((entry, rank) => (Key: Key(entry.ApiVersion, entry.Kind), entry.Type, rank))
            .ToDictionary(entry => entry.Key, entry => (entry.Type, entry.rank), StringComparer.Ordinal);

    /// <summary>The map KubernetesClient's YAML loader takes: "apiVersion/kind" to the model type.</summary>
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } =
        ByKey.ToDictionary(entry => entry.Key, entry => entry.Value.Type, StringComparer.Ordinal);

    /// <summary>Every known kind as "apiVersion/kind", in apply order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Ordered.Select(entry => Key(entry.ApiVersion, entry.Kind))];

    public static bool TryGet(string apiVersion, string kind, out Type type, out int rank)
    {
        if (ByKey.TryGetValue(Key(apiVersion, kind), out var entry))
        {
            (type, rank) = entry;
            return true;
        }

        (type, rank) = (typeof(object), -1);
        return false;
    }

    private static string Key(string apiVersion, string kind) => apiVersion + "/" + kind;
}
