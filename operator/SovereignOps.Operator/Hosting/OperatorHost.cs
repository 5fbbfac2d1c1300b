using k8s.Models;
using Serilog;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Cluster;
using SovereignOps.Operator.Desired;
using SovereignOps.Operator.Reconcilers;
using SovereignOps.Rendering;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Events;
using SovereignOps.Runtime.Finalizers;
using SovereignOps.Runtime.Leadership;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Hosting;

/// <summary>
/// One operator instance: the informers, the desired state they feed, a controller per kind and the
/// manager that runs them (under leader election when asked). Used by the executable and, in
/// process, by the end-to-end tests.
/// </summary>
public sealed class OperatorHost
{
    private OperatorHost(ClusterInformers informers, DesiredState desired, ControllerManager manager, LeaderElector? elector)
    {
        Informers = informers;
        Desired = desired;
        Manager = manager;
        Elector = elector;
    }

    public ClusterInformers Informers { get; }

    public DesiredState Desired { get; }

    public ControllerManager Manager { get; }

    public LeaderElector? Elector { get; }

    public static OperatorHost Create(KubeApi api, OperatorHostOptions options, RuntimeMetrics? metrics = null, ILogger? logger = null)
    {
        var log = logger ?? Log.Logger;
        var informers = new ClusterInformers(api, options.WatchNamespaces, metrics);
        var desired = new DesiredState(informers, new HelmRenderer(options.Helm));
        var context = new ReconcileContext(
            informers,
            desired,
            new ChildSync(new Applier(api, informers.Set, log), informers),
            new StatusWriter(api, log),
            new EventRecorder(api, UserAgent.Product, LeaderElectionOptions.DefaultIdentity(), metrics: metrics, logger: log),
            api.Time);
        var maps = new DependencyMaps(informers);
        var controllerOptions = new ControllerOptions { Concurrency = options.Concurrency };

        // Another object's status write or a node's heartbeat changes no plan: those watches pass
        // spec, identity and deletion changes only (ChangeFilters), and nodes only what the planner
        // reads. Status is followed where it is summarised: models and catalogs into their profile,
        // models into their catalog (for ModelUnavailable) and into their pools.
        var spec = ChangeFilters.SpecOrLifecycle<SovereignProfile>;
        var nodePlan = ClusterSnapshot.NodePlanChanged;
        var placement = ChangeFilters.When<V1Pod, (string?, DateTime?)>(p => (p.Spec?.NodeName, p.Metadata.DeletionTimestamp));

        var policies = new Controller<DataResidencyPolicy>(informers.Policies, new DataResidencyPolicyReconciler(context), controllerOptions, metrics, log)
            .Watches(informers.Profiles, _ => maps.AllPolicies(), spec);

        var profiles = informers.OwnChildren(new Controller<SovereignProfile>(informers.Profiles,
                new SovereignProfileReconciler(context, api, new Finalizer(api, Finalizer.Cleanup, log)), controllerOptions, metrics, log))
            .Watches(informers.Policies, maps.ProfilesUsing, ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Pools, p => [ResourceKey.Cluster(p.Spec.ProfileRef.Name)])
            .Watches(informers.Models, m => maps.ProfileOf(m.Metadata.NamespaceProperty))
            .Watches(informers.Catalogs, c => maps.ProfileOf(c.Metadata.NamespaceProperty))
            .Watches(informers.Nodes, maps.ProfilesOnNode, nodePlan);

        var pools = new Controller<GpuPool>(informers.Pools, new GpuPoolReconciler(context), controllerOptions, metrics, log)
            .Watches(informers.Nodes, maps.PoolsMatching, nodePlan)
            .Watches(informers.Models, m => maps.PoolsOfNamespace(m.Metadata.NamespaceProperty))
            .Watches(informers.Profiles, p => maps.PoolsOfProfile(p.Metadata.Name), spec)
            .Watches(informers.Policies, _ => maps.AllPools(), ChangeFilters.SpecOrLifecycle);

        var models = informers.OwnChildren(new Controller<ModelDeployment>(informers.Models, new ModelDeploymentReconciler(context), controllerOptions, metrics, log))
            .Watches(informers.Models, m => maps.ModelsIn(m.Metadata.NamespaceProperty), ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Pods, p => DependencyMaps.OwnerOf(p, informers.Models), placement)
            .Watches(informers.Profiles, p => maps.ModelsIn(p.Spec.TenantNamespace), spec)
            .Watches(informers.Pools, _ => maps.AllModels(), ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Policies, _ => maps.AllModels(), ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Nodes, n => maps.NamespacesOnNode(n).SelectMany(maps.ModelsIn), nodePlan);

        var catalogs = informers.OwnChildren(new Controller<AgentCatalog>(informers.Catalogs, new AgentCatalogReconciler(context), controllerOptions, metrics, log))
            .Watches(informers.Models, m => maps.CatalogsIn(m.Metadata.NamespaceProperty))
            .Watches(informers.Pods, p => DependencyMaps.OwnerOf(p, informers.Catalogs), placement)
            .Watches(informers.Profiles, p => maps.CatalogsIn(p.Spec.TenantNamespace), spec)
            .Watches(informers.Pools, _ => maps.AllCatalogs(), ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Policies, _ => maps.AllCatalogs(), ChangeFilters.SpecOrLifecycle)
            .Watches(informers.Nodes, n => maps.NamespacesOnNode(n).SelectMany(maps.CatalogsIn), nodePlan);

        var elector = options.LeaderElection is { } election ? new LeaderElector(api, election, metrics, log) : null;
        var manager = new ControllerManager(informers.Set, [policies, profiles, pools, models, catalogs], elector, log);
        return new OperatorHost(informers, desired, manager, elector);
    }

    public Task RunAsync(CancellationToken stopping) => Manager.RunAsync(stopping);
}
