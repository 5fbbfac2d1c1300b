using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// The defaults the API server fills in for the built-in kinds clients read back most: workload specs
/// (replicas, strategies, history limits), pod specs wherever they appear (restart and DNS policy, scheduler,
/// grace period, image pull policy, port protocols) and Services (type, protocol, targetPort, a cluster IP).
/// </summary>
internal sealed class BuiltInDefaults : IAdmissionPlugin
{
    private readonly ClusterIpAllocator _clusterIps = new();

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Type.IsCustom || request.Subresource != Subresource.Main)
        {
            return request.Object;
        }

        var obj = request.Object;
        var spec = obj["spec"] as JsonObject;
        switch ((request.Type.Group, request.Type.Kind))
        {
            case ("", "Pod") when spec is not null:
                PodSpec(spec);
                break;
            case ("", "Service") when spec is not null:
                Service(spec, request.OldObject?["spec"] as JsonObject);
                break;
            case ("apps", "Deployment") when spec is not null:
                Set(spec, "replicas", 1);
                Set(spec, "revisionHistoryLimit", 10);
                Set(spec, "progressDeadlineSeconds", 600);
                var strategy = Child(spec, "strategy");
                Set(strategy, "type", "RollingUpdate");
                if (strategy.GetString("type") == "RollingUpdate")
                {
                    var rolling = Child(strategy, "rollingUpdate");
                    Set(rolling, "maxSurge", "25%");
                    Set(rolling, "maxUnavailable", "25%");
                }

                Template(spec);
                break;
            case ("apps", "ReplicaSet") when spec is not null:
                Set(spec, "replicas", 1);
                Template(spec);
                break;
            case ("apps", "StatefulSet") when spec is not null:
                Set(spec, "replicas", 1);
                Set(spec, "podManagementPolicy", "OrderedReady");
                Set(spec, "revisionHistoryLimit", 10);
                var update = Child(spec, "updateStrategy");
                Set(update, "type", "RollingUpdate");
                if (update.GetString("type") == "RollingUpdate")
                {
                    Set(Child(update, "rollingUpdate"), "partition", 0);
                }

                Template(spec);
                break;
            case ("apps", "DaemonSet") when spec is not null:
                Set(spec, "revisionHistoryLimit", 10);
                var daemonUpdate = Child(spec, "updateStrategy");
                Set(daemonUpdate, "type", "RollingUpdate");
                if (daemonUpdate.GetString("type") == "RollingUpdate")
                {
                    var rolling = Child(daemonUpdate, "rollingUpdate");
                    Set(rolling, "maxUnavailable", 1);
                    Set(rolling, "maxSurge", 0);
                }

                Template(spec);
                break;
            case ("batch", "Job") when spec is not null:
                Set(spec, "parallelism", 1);
                Set(spec, "completions", 1);
                Set(spec, "backoffLimit", 6);
                Set(spec, "completionMode", "NonIndexed");
                Set(spec, "suspend", false);
                Template(spec);
                break;
            default:
                break;
        }

        return obj;
    }

    private static void Template(JsonObject spec)
    {
        if (spec["template"] is JsonObject template && template["spec"] is JsonObject podSpec)
        {
            PodSpec(podSpec);
        }
    }

    private static void PodSpec(JsonObject spec)
    {
        Set(spec, "restartPolicy", "Always");
        Set(spec, "dnsPolicy", "ClusterFirst");
        Set(spec, "schedulerName", "default-scheduler");
        Set(spec, "terminationGracePeriodSeconds", 30);
        Set(spec, "securityContext", new JsonObject());
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var container in (spec[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var image = container.GetString("image") ?? "";
                var tagged = image.Contains('@', StringComparison.Ordinal) || (image.LastIndexOf(':') > image.LastIndexOf('/') && !image.EndsWith(":latest", StringComparison.Ordinal));
                Set(container, "imagePullPolicy", tagged ? "IfNotPresent" : "Always");
                Set(container, "terminationMessagePath", "/dev/termination-log");
                Set(container, "terminationMessagePolicy", "File");
                Set(container, "resources", new JsonObject());
                foreach (var port in (container["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    Set(port, "protocol", "TCP");
                }
            }
        }
    }

    private void Service(JsonObject spec, JsonObject? old)
    {
        Set(spec, "type", "ClusterIP");
        Set(spec, "sessionAffinity", "None");
        Set(spec, "internalTrafficPolicy", "Cluster");
        foreach (var port in (spec["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            Set(port, "protocol", "TCP");
            if (port["targetPort"] is null && port["port"] is { } number)
            {
                port["targetPort"] = number.DeepClone();
            }
        }

        if (spec.GetString("type") == "ExternalName")
        {
            return;
        }

        // A Service keeps its cluster IP for life; a new one gets the next free address.
        if (spec.GetString("clusterIP") is not { Length: > 0 } && old?.GetString("clusterIP") is { Length: > 0 } kept)
        {
            spec["clusterIP"] = kept;
        }

        if (spec.GetString("clusterIP") is not { Length: > 0 })
        {
            spec["clusterIP"] = _clusterIps.Next();
        }

        var ip = spec.GetString("clusterIP")!;
        Set(spec, "clusterIPs", new JsonArray(ip));
        Set(spec, "ipFamilies", new JsonArray("IPv4"));
        Set(spec, "ipFamilyPolicy", "SingleStack");
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        child = new JsonObject();
        parent[name] = child;
        return child;
    }

    /// <summary>Sets a field only when the client left it out.</summary>
    private static void Set(JsonObject obj, string name, JsonNode value)
    {
        if (obj[name] is null)
        {
            obj[name] = value;
        }
    }

    /// <summary>Hands out service addresses from 10.96.0.0/12 in order, skipping .0 and the kubernetes service's .1.</summary>
    private sealed class ClusterIpAllocator
    {
        private int _next = 10;

        public string Next()
        {
            var n = Interlocked.Increment(ref _next);
            return $"10.{96 + ((n >> 16) & 0x0f)}.{(n >> 8) & 0xff}.{n & 0xff}";
        }
    }
}
