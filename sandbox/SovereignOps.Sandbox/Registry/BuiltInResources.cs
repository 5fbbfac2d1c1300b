using System.Collections.Immutable;

namespace SovereignOps.Sandbox.Registry;

/// <summary>The built-in kinds the server serves, with the discovery facts kubectl relies on.</summary>
public static class BuiltInResources
{
    private static readonly ImmutableArray<string> All = ["all"];

    public static ImmutableArray<ResourceType> Create() =>
    [
        Core("namespaces", "Namespace", namespaced: false, shortNames: ["ns"]) with
        {
            HasStatus = true, SelectableFields = ["status.phase"],
            Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
        },
        Core("nodes", "Node", namespaced: false, shortNames: ["no"]) with { HasStatus = true, SelectableFields = ["spec.unschedulable"] },
        Core("pods", "Pod", shortNames: ["po"]) with
        {
            HasStatus = true, TracksGeneration = true, ResetsStatusOnCreate = true, Categories = All,
            SelectableFields =
            [
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
                "status.phase", "status.podIP", "status.nominatedNodeName",
            ],
        },
        Core("services", "Service", shortNames: ["svc"]) with
        {
            HasStatus = true, ResetsStatusOnCreate = true, Categories = All, SelectableFields = ["spec.clusterIP", "spec.type"],
        },
        Core("endpoints", "Endpoints", shortNames: ["ep"]),
        Core("configmaps", "ConfigMap", shortNames: ["cm"]),
        Core("secrets", "Secret") with { SelectableFields = ["type"] },
        Core("serviceaccounts", "ServiceAccount", shortNames: ["sa"]),
        Core("events", "Event", shortNames: ["ev"]) with
        {
            SelectableFields =
            [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "reportingComponent", "source", "type",
            ],
        },
        Core("persistentvolumeclaims", "PersistentVolumeClaim", shortNames: ["pvc"]) with { HasStatus = true, ResetsStatusOnCreate = true },
        Core("resourcequotas", "ResourceQuota", shortNames: ["quota"]) with { HasStatus = true },
        Core("limitranges", "LimitRange", shortNames: ["limits"]),
        Workload("deployments", "Deployment", ["deploy"], scale: true),
        Workload("replicasets", "ReplicaSet", ["rs"], scale: true) with { SelectableFields = ["status.replicas"] },
        Workload("statefulsets", "StatefulSet", ["sts"], scale: true),
        Workload("daemonsets", "DaemonSet", ["ds"], scale: false),
        Workload("jobs", "Job", [], scale: false, group: "batch") with { SelectableFields = ["status.successful"] },
        Workload("cronjobs", "CronJob", ["cj"], scale: false, group: "batch"),
        Of("events.k8s.io", "v1", "events", "Event", true, ["ev"]) with
        {
            SelectableFields =
            [
                "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion",
                "reason", "reportingController", "type",
            ],
        },
        Of("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, []),
        Of("apps", "v1", "controllerrevisions", "ControllerRevision", true, []),
        Of("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"]) with { TracksGeneration = true },
        Of("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"]) with { HasStatus = true, TracksGeneration = true },
        Of("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"]) with
        {
            HasStatus = true, TracksGeneration = true, ResetsStatusOnCreate = true,
        },
        Of("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"]) with
        {
            HasStatus = true, ResetsStatusOnCreate = true, Categories = All,
        },
        Of("rbac.authorization.k8s.io", "v1", "roles", "Role", true, []),
        Of("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, []),
        Of("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, []),
        Of("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, []),
        Of("coordination.k8s.io", "v1", "leases", "Lease", true, []),
        Of("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ["pc"]),
        Of("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ["sc"]),
        Of("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"]) with
        {
            HasStatus = true, TracksGeneration = true, ResetsStatusOnCreate = true, Categories = ["api-extensions"],
        },
    ];

    private static ResourceType Core(string plural, string kind, bool namespaced = true, ImmutableArray<string> shortNames = default) =>
        Of("", "v1", plural, kind, namespaced, shortNames.IsDefault ? [] : shortNames);

    private static ResourceType Workload(string plural, string kind, ImmutableArray<string> shortNames, bool scale, string group = "apps") =>
        Of(group, "v1", plural, kind, true, shortNames) with
        {
            HasStatus = true, Scale = scale ? ScalePaths.Workload : null, TracksGeneration = true, ResetsStatusOnCreate = true, Categories = All,
        };

    private static ResourceType Of(string group, string version, string plural, string kind, bool namespaced, ImmutableArray<string> shortNames) =>
        new()
        {
            Group = group,
            Version = version,
            Plural = plural,
            Kind = kind,
            Namespaced = namespaced,
            Singular = kind.ToLowerInvariant(),
            ShortNames = shortNames,
        };
}
