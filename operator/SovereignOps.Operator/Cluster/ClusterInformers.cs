using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Operator.Cluster;

/// <summary>
/// Every informer the operator runs: the five custom resources, the cluster objects the plan reads
/// (nodes, namespaces, pods) and every kind the charts render, so that applies are checked against
/// the cache (zero writes in steady state) and drift in a child wakes its owner. Namespaced kinds
/// are limited to the watched namespaces when the operator is scoped.
/// </summary>
public sealed class ClusterInformers
{
    public ClusterInformers(KubeApi api, IReadOnlyList<string> watchNamespaces, RuntimeMetrics? metrics = null)
    {
        var scoped = new InformerOptions { Namespaces = watchNamespaces };
        Policies = Add(new Informer<DataResidencyPolicy>(api, metrics: metrics));
        Profiles = Add(new Informer<SovereignProfile>(api, metrics: metrics));
        Pools = Add(new Informer<GpuPool>(api, metrics: metrics));
        Models = Add(new Informer<ModelDeployment>(api, scoped, metrics));
        Catalogs = Add(new Informer<AgentCatalog>(api, scoped, metrics));
        Nodes = Add(new Informer<V1Node>(api, metrics: metrics));
        Namespaces = Add(new Informer<V1Namespace>(api, metrics: metrics));
        Pods = Add(new Informer<V1Pod>(api, scoped, metrics) { Trim = PlacementOnly });
        Deployments = Add(new Informer<V1Deployment>(api, scoped, metrics));
        StatefulSets = Add(new Informer<V1StatefulSet>(api, scoped, metrics));
        NetworkPolicies = Add(new Informer<V1NetworkPolicy>(api, scoped, metrics));
        Quotas = Add(new Informer<V1ResourceQuota>(api, scoped, metrics));
        LimitRanges = Add(new Informer<V1LimitRange>(api, scoped, metrics));
        ServiceAccounts = Add(new Informer<V1ServiceAccount>(api, scoped, metrics));
        Roles = Add(new Informer<V1Role>(api, scoped, metrics));
        RoleBindings = Add(new Informer<V1RoleBinding>(api, scoped, metrics));
        ConfigMaps = Add(new Informer<V1ConfigMap>(api, scoped, metrics));
        Claims = Add(new Informer<V1PersistentVolumeClaim>(api, scoped, metrics));
        Services = Add(new Informer<V1Service>(api, scoped, metrics));
        Autoscalers = Add(new Informer<V2HorizontalPodAutoscaler>(api, scoped, metrics));
        DisruptionBudgets = Add(new Informer<V1PodDisruptionBudget>(api, scoped, metrics));
    }

    public InformerSet Set { get; } = new();

    public Informer<DataResidencyPolicy> Policies { get; }

    public Informer<SovereignProfile> Profiles { get; }

    public Informer<GpuPool> Pools { get; }

    public Informer<ModelDeployment> Models { get; }

    public Informer<AgentCatalog> Catalogs { get; }

    public Informer<V1Node> Nodes { get; }

    public Informer<V1Namespace> Namespaces { get; }

    public Informer<V1Pod> Pods { get; }

    public Informer<V1Deployment> Deployments { get; }

    public Informer<V1StatefulSet> StatefulSets { get; }

    public Informer<V1NetworkPolicy> NetworkPolicies { get; }

    public Informer<V1ResourceQuota> Quotas { get; }

    public Informer<V1LimitRange> LimitRanges { get; }

    public Informer<V1ServiceAccount> ServiceAccounts { get; }

    public Informer<V1Role> Roles { get; }

    public Informer<V1RoleBinding> RoleBindings { get; }

    public Informer<V1ConfigMap> ConfigMaps { get; }

    public Informer<V1PersistentVolumeClaim> Claims { get; }

    public Informer<V1Service> Services { get; }

    public Informer<V2HorizontalPodAutoscaler> Autoscalers { get; }

    public Informer<V1PodDisruptionBudget> DisruptionBudgets { get; }

    /// <summary>The kinds pruning looks at: everything a chart may render (the Namespace among them).</summary>
    public IReadOnlyList<ResourceType> ChildKinds =>
    [
        Namespaces.Type, NetworkPolicies.Type, Quotas.Type, LimitRanges.Type, ServiceAccounts.Type, Roles.Type, RoleBindings.Type,
        ConfigMaps.Type, Claims.Type, Services.Type, Deployments.Type, StatefulSets.Type, Autoscalers.Type, DisruptionBudgets.Type,
    ];

    /// <summary>Makes the controller re-queue an owner whenever one of its children of any rendered kind changes.</summary>
    public Controller<T> OwnChildren<T>(Controller<T> controller)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        controller.Owns(Namespaces).Owns(NetworkPolicies).Owns(Quotas).Owns(LimitRanges).Owns(ServiceAccounts).Owns(Roles)
            .Owns(RoleBindings).Owns(ConfigMaps).Owns(Claims).Owns(Services).Owns(Deployments).Owns(StatefulSets)
            .Owns(Autoscalers).Owns(DisruptionBudgets);

    /// <summary>
    /// Pods are read for where they run (a model's status lists its nodes) and nothing else, and there
    /// are many of them: the cache keeps their metadata, node and phase.
    /// </summary>
    internal static V1Pod PlacementOnly(V1Pod pod) => new()
    {
        ApiVersion = pod.ApiVersion,
        Kind = pod.Kind,
        Metadata = pod.Metadata,
        Spec = pod.Spec is null ? null : new V1PodSpec { NodeName = pod.Spec.NodeName },
        Status = pod.Status is null ? null : new V1PodStatus { Phase = pod.Status.Phase },
    };

    private Informer<T> Add<T>(Informer<T> informer)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Set.Add(informer);
        return informer;
    }
}
