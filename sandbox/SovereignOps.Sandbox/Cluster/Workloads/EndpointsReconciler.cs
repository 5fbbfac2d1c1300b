using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The endpoints and EndpointSlice controllers for Services with a selector: the selected pods that have an
/// IP, ready ones as addresses and the others as notReadyAddresses, grouped by the ports they resolve to
/// (a named targetPort is looked up in each pod's container ports). The Endpoints object carries the
/// Service's name; the slices are owned by the Service and labelled with its name.
/// </summary>
internal sealed class EndpointsReconciler(WorkloadContext context) : IWorkloadReconciler
{
    public const string EndpointsManagedByLabel = "endpoints.kubernetes.io/managed-by";
    public const string SliceManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string SliceManager = "endpointslice-controller.k8s.io";
    private const string HeadlessLabel = "service.kubernetes.io/headless";

    public WorkloadKind Kind => WorkloadKind.Service;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var service = context.Cache.Services.Get(ns, name);
        if (service is null || service.IsDeleting)
        {
            if (context.Cache.Endpoints.Get(ns, name) is { } orphaned && orphaned.Labels.ContainsKey(EndpointsManagedByLabel))
            {
                context.Writer.Delete(ClusterCache.EndpointsResource, ns, name, orphaned.Uid);
            }

            return null;
        }

        var selector = SelectorCache.Of(service);
        if (ReferenceEquals(selector, LabelSelectorMatch.Nothing))
        {
            // Without a selector the Service's endpoints are the user's to manage.
            return null;
        }

        var spec = service.ToJsonObject()["spec"] as JsonObject ?? [];
        var publishNotReady = spec["publishNotReadyAddresses"] is JsonValue p && p.TryGetValue<bool>(out var publish) && publish;
        var selected = context.Cache.Pods.InNamespace(ns)
            .Where(pod => pod.PodIp.Length > 0 && !pod.Terminal && selector.Matches(pod.Labels))
            .OrderBy(pod => pod.Name, StringComparer.Ordinal)
            .ToList();
        var labels = ServiceLabels(service, spec);
        SyncEndpoints(service, spec, selected.Where(pod => !pod.Deleting).ToList(), publishNotReady, labels);
        new EndpointSliceSync(context, service, spec, labels).Run(selected, publishNotReady);
        return null;
    }

    private static JsonObject ServiceLabels(StoredObject service, JsonObject spec)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in service.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            labels[key] = value;
        }

        if (spec.GetString("clusterIP") == "None")
        {
            labels[HeadlessLabel] = "";
        }

        return labels;
    }

    private void SyncEndpoints(StoredObject service, JsonObject spec, List<PodView> pods, bool publishNotReady, JsonObject serviceLabels)
    {
        var subsets = new List<(string Key, List<ResolvedPort> Ports, JsonArray Ready, JsonArray NotReady)>();
        foreach (var pod in pods.OrderBy(pod => pod.PodIp, StringComparer.Ordinal).ThenBy(pod => pod.Uid, StringComparer.Ordinal))
        {
            var ports = ServicePorts.Resolve(spec, pod);
            var key = ServicePorts.Key(ports);
            var subset = subsets.FirstOrDefault(s => s.Key == key);
            if (subset.Key is null)
            {
                subset = (key, ports, [], []);
                subsets.Add(subset);
            }

            (pod.Ready || publishNotReady ? subset.Ready : subset.NotReady).Add(Address(pod, service.Name));
        }

        var desired = new JsonArray();
        foreach (var (_, ports, ready, notReady) in subsets)
        {
            var subset = new JsonObject();
            if (ready.Count > 0)
            {
                subset["addresses"] = ready;
            }

            if (notReady.Count > 0)
            {
                subset["notReadyAddresses"] = notReady;
            }

            if (ports.Count > 0)
            {
                subset["ports"] = new JsonArray([.. ports.Select(port => (JsonNode?)PortObject(port, omitEmptyName: true))]);
            }

            desired.Add(subset);
        }

        var labels = (JsonObject)serviceLabels.DeepClone();
        labels[EndpointsManagedByLabel] = "endpoint-controller";
        var existing = context.Cache.Endpoints.Get(service.Namespace, service.Name);
        if (existing is null)
        {
            var body = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Endpoints",
                ["metadata"] = new JsonObject { ["name"] = service.Name, ["namespace"] = service.Namespace, ["labels"] = labels },
            };
            if (desired.Count > 0)
            {
                body["subsets"] = desired;
            }

            context.Writer.Create(ClusterCache.EndpointsResource, service.Namespace, body);
            return;
        }

        context.Writer.Update(ClusterCache.EndpointsResource, service.Namespace, service.Name, current =>
        {
            var changed = false;
            if (!JsonNode.DeepEquals(current.Metadata()["labels"], labels))
            {
                current.Metadata()["labels"] = labels.DeepClone();
                changed = true;
            }

            var subsetsNow = desired.Count > 0 ? desired : null;
            if (!JsonNode.DeepEquals(current["subsets"], subsetsNow))
            {
                if (subsetsNow is null)
                {
                    current.Remove("subsets");
                }
                else
                {
                    current["subsets"] = subsetsNow.DeepClone();
                }

                changed = true;
            }

            return changed;
        });
    }

    private static JsonObject Address(PodView pod, string serviceName)
    {
        var address = new JsonObject { ["ip"] = pod.PodIp };
        if (pod.Hostname.Length > 0 && pod.Subdomain == serviceName)
        {
            address["hostname"] = pod.Hostname;
        }

        if (pod.NodeName.Length > 0)
        {
            address["nodeName"] = pod.NodeName;
        }

        address["targetRef"] = TargetRef(pod);
        return address;
    }

    internal static JsonObject TargetRef(PodView pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = pod.Namespace,
        ["name"] = pod.Name,
        ["uid"] = pod.Uid,
    };

    internal static JsonObject PortObject(ResolvedPort port, bool omitEmptyName)
    {
        var obj = new JsonObject();
        if (!omitEmptyName || port.Name.Length > 0)
        {
            obj["name"] = port.Name;
        }

        obj["port"] = port.Port;
        obj["protocol"] = port.Protocol;
        return obj;
    }
}
