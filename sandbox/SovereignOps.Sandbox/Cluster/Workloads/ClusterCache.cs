using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>The resources the workload controllers read, each kept as an <see cref="ObjectIndex{T}"/>.</summary>
internal sealed class ClusterCache
{
    public static readonly GroupResource PodsResource = new("", "pods");
    public static readonly GroupResource ReplicaSetsResource = new("apps", "replicasets");
    public static readonly GroupResource DeploymentsResource = new("apps", "deployments");
    public static readonly GroupResource StatefulSetsResource = new("apps", "statefulsets");
    public static readonly GroupResource ControllerRevisionsResource = new("apps", "controllerrevisions");
    public static readonly GroupResource JobsResource = new("batch", "jobs");
    public static readonly GroupResource ServicesResource = new("", "services");
    public static readonly GroupResource EndpointsResource = new("", "endpoints");
    public static readonly GroupResource EndpointSlicesResource = new("discovery.k8s.io", "endpointslices");
    public static readonly GroupResource DisruptionBudgetsResource = new("policy", "poddisruptionbudgets");
    public static readonly GroupResource ClaimsResource = new("", "persistentvolumeclaims");
    public static readonly GroupResource StorageClassesResource = new("storage.k8s.io", "storageclasses");

    private readonly Dictionary<GroupResource, ObjectIndex<StoredObject>> _objects;

    public ClusterCache()
    {
        _objects = new GroupResource[]
        {
            ReplicaSetsResource, DeploymentsResource, StatefulSetsResource, ControllerRevisionsResource, JobsResource, ServicesResource,
            EndpointsResource, EndpointSlicesResource, DisruptionBudgetsResource, ClaimsResource, StorageClassesResource,
        }.ToDictionary(r => r, _ => new ObjectIndex<StoredObject>(o => o, o => o));
    }

    public ObjectIndex<PodView> Pods { get; } = new(PodView.From, p => p.Stored);

    public ObjectIndex<StoredObject> ReplicaSets => _objects[ReplicaSetsResource];

    public ObjectIndex<StoredObject> Deployments => _objects[DeploymentsResource];

    public ObjectIndex<StoredObject> StatefulSets => _objects[StatefulSetsResource];

    public ObjectIndex<StoredObject> ControllerRevisions => _objects[ControllerRevisionsResource];

    public ObjectIndex<StoredObject> Jobs => _objects[JobsResource];

    public ObjectIndex<StoredObject> Services => _objects[ServicesResource];

    public ObjectIndex<StoredObject> Endpoints => _objects[EndpointsResource];

    public ObjectIndex<StoredObject> EndpointSlices => _objects[EndpointSlicesResource];

    public ObjectIndex<StoredObject> DisruptionBudgets => _objects[DisruptionBudgetsResource];

    public ObjectIndex<StoredObject> Claims => _objects[ClaimsResource];

    public ObjectIndex<StoredObject> StorageClasses => _objects[StorageClassesResource];

    public bool Tracks(GroupResource resource) => resource == PodsResource || _objects.ContainsKey(resource);

    /// <summary>Takes in a stored version (an event or the controllers' own write) of a non-pod resource.</summary>
    public void Put(StoredObject obj)
    {
        if (obj.Resource == PodsResource)
        {
            Pods.Put(obj);
        }
        else if (_objects.TryGetValue(obj.Resource, out var index))
        {
            index.Put(obj);
        }
    }

    public void Remove(StoredObject obj)
    {
        if (obj.Resource == PodsResource)
        {
            Pods.Remove(obj);
        }
        else if (_objects.TryGetValue(obj.Resource, out var index))
        {
            index.Remove(obj);
        }
    }

    public ObjectIndex<StoredObject>? IndexOf(GroupResource resource) => _objects.GetValueOrDefault(resource);
}
