using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A Service's EndpointSlices: one IPv4 slice per set of resolved ports, each endpoint with its ready,
/// serving and terminating conditions; existing slices are reused by their ports, surplus ones deleted, and a
/// Service without endpoints keeps one empty slice, as the EndpointSlice controller does.
/// </summary>
internal sealed class EndpointSliceSync(WorkloadContext context, StoredObject service, JsonObject spec, JsonObject serviceLabels)
{
    public void Run(List<PodView> pods, bool publishNotReady)
    {
        var groups = new List<(string Key, List<ResolvedPort> Ports, JsonArray Endpoints)>();
        foreach (var pod in pods)
        {
            var ports = ServicePorts.Resolve(spec, pod);
            var key = ServicePorts.Key(ports);
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Key is null)
            {
                group = (key, ports, []);
                groups.Add(group);
            }

            group.Endpoints.Add(Endpoint(pod, publishNotReady));
        }

        if (groups.Count == 0)
        {
            groups.Add(("", [], []));
        }

        var labels = (JsonObject)serviceLabels.DeepClone();
        labels[EventRouting.ServiceNameLabel] = service.Name;
        labels[EndpointsReconciler.SliceManagedByLabel] = EndpointsReconciler.SliceManager;
        var existing = context.Cache.EndpointSlices.OwnedBy(service.Uid)
            .Where(s => s.Labels.TryGetValue(EndpointsReconciler.SliceManagedByLabel, out var manager) && manager == EndpointsReconciler.SliceManager && !s.IsDeleting)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var unused = new List<StoredObject>(existing);
        foreach (var (key, ports, endpoints) in groups)
        {
            var portArray = ports.Count == 0 && key.Length == 0 ? null : new JsonArray([.. ports.Select(p => (JsonNode?)EndpointsReconciler.PortObject(p, omitEmptyName: false))]);
            var match = unused.FirstOrDefault(s => JsonNode.DeepEquals(s.ToJsonObject()["ports"], portArray)) ?? unused.FirstOrDefault();
            if (match is null)
            {
                Create(labels, portArray, endpoints);
                continue;
            }

            unused.Remove(match);
            Update(match, labels, portArray, endpoints);
        }

        foreach (var slice in unused)
        {
            context.Writer.Delete(ClusterCache.EndpointSlicesResource, slice.Namespace, slice.Name, slice.Uid);
        }
    }

    private void Create(JsonObject labels, JsonArray? ports, JsonArray endpoints)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var name = $"{service.Name}-{context.Names.Next()}";
            var body = new JsonObject
            {
                ["apiVersion"] = "discovery.k8s.io/v1",
                ["kind"] = "EndpointSlice",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["generateName"] = service.Name + "-",
                    ["namespace"] = service.Namespace,
                    ["labels"] = labels.DeepClone(),
                    ["ownerReferences"] = new JsonArray(Ownership.ControllerReference("v1", "Service", service)),
                },
                ["addressType"] = "IPv4",
                ["endpoints"] = endpoints.DeepClone(),
            };
            if (ports is not null)
            {
                body["ports"] = ports.DeepClone();
            }

            if (context.Writer.Create(ClusterCache.EndpointSlicesResource, service.Namespace, body).Error?.Reason != "AlreadyExists")
            {
                return;
            }
        }
    }

    private void Update(StoredObject slice, JsonObject labels, JsonArray? ports, JsonArray endpoints) =>
        context.Writer.Update(ClusterCache.EndpointSlicesResource, slice.Namespace, slice.Name, current =>
        {
            var changed = false;
            foreach (var (field, value) in new[] { ("endpoints", (JsonNode?)endpoints), ("ports", ports) })
            {
                if (!JsonNode.DeepEquals(current[field], value))
                {
                    if (value is null)
                    {
                        current.Remove(field);
                    }
                    else
                    {
                        current[field] = value.DeepClone();
                    }

                    changed = true;
                }
            }

            if (!JsonNode.DeepEquals(current.Metadata()["labels"], labels))
            {
                current.Metadata()["labels"] = labels.DeepClone();
                changed = true;
            }

            return changed;
        });

    private JsonObject Endpoint(PodView pod, bool publishNotReady)
    {
        var endpoint = new JsonObject
        {
            ["addresses"] = new JsonArray(pod.PodIp),
            ["conditions"] = new JsonObject
            {
                ["ready"] = !pod.Deleting && (pod.Ready || publishNotReady),
                ["serving"] = pod.Ready || publishNotReady,
                ["terminating"] = pod.Deleting,
            },
        };
        if (pod.Hostname.Length > 0 && pod.Subdomain == service.Name)
        {
            endpoint["hostname"] = pod.Hostname;
        }

        if (pod.NodeName.Length > 0)
        {
            endpoint["nodeName"] = pod.NodeName;
        }

        endpoint["targetRef"] = EndpointsReconciler.TargetRef(pod);
        return endpoint;
    }
}
