using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Tables;

/// <summary>The columns kubectl shows for built-in kinds, computed the way the API server's printers compute them.</summary>
internal static class BuiltInPrinters
{
    private const string NameDescription = "Name must be unique within a namespace.";
    private const string AgeDescription = "The time since the object was created.";

    public static TablePrinter? For(string group, string plural) => (group, plural) switch
    {
        ("", "namespaces") => Printer([Str("Status", "The phase of the namespace.")], (o, _) => [Text(o, "status.phase")]),
        ("", "nodes") => Printer(
            [Str("Status", "The status of the node."), Str("Roles", "The roles of the node."), Age(), Str("Version", "Kubelet version."),
             Str("Internal-IP", "Internal IP.", 1), Str("External-IP", "External IP.", 1), Str("OS-Image", "OS image.", 1),
             Str("Kernel-Version", "Kernel version.", 1), Str("Container-Runtime", "Container runtime.", 1)],
            (o, now) => [NodeStatus(o), NodeRoles(o), AgeOf(o, now), Text(o, "status.nodeInfo.kubeletVersion"),
                NodeAddress(o, "InternalIP"), NodeAddress(o, "ExternalIP"), Text(o, "status.nodeInfo.osImage", "<unknown>"),
                Text(o, "status.nodeInfo.kernelVersion", "<unknown>"), Text(o, "status.nodeInfo.containerRuntimeVersion", "<unknown>")],
            ageIncluded: true),
        ("", "pods") => Printer(
            [Str("Ready", "The aggregate readiness state of this pod for accepting traffic."), Str("Status", "The aggregate status of the containers in this pod."),
             Str("Restarts", "The number of times the containers in this pod have been restarted."), Age(),
             Str("IP", "IP address allocated to the pod.", 1), Str("Node", "Name of the node the pod is assigned to.", 1),
             Str("Nominated Node", "Name of the node where the pod is nominated to run.", 1), Str("Readiness Gates", "Pod readiness gates.", 1)],
            (o, now) => [PodReady(o), PodStatus(o), PodRestarts(o), AgeOf(o, now), Text(o, "status.podIP", "<none>"),
                Text(o, "spec.nodeName", "<none>"), Text(o, "status.nominatedNodeName", "<none>"), "<none>"],
            ageIncluded: true),
        ("", "services") => Printer(
            [Str("Type", "The type of service."), Str("Cluster-IP", "The cluster IP."), Str("External-IP", "External IPs."),
             Str("Port(s)", "The ports the service exposes."), Age(), Str("Selector", "The pods the service targets.", 1)],
            (o, now) => [Text(o, "spec.type", "ClusterIP"), Text(o, "spec.clusterIP", "<none>"), ExternalIps(o), ServicePorts(o), AgeOf(o, now), MapText(o, "spec.selector")],
            ageIncluded: true),
        ("", "endpoints") => Printer([Str("Endpoints", "Endpoints of the service.")], (o, _) => [EndpointAddresses(o)]),
        ("discovery.k8s.io", "endpointslices") => Printer(
            [Str("AddressType", "The IP protocol family of the addresses."), Str("Ports", "The ports of the endpoints."), Str("Endpoints", "The addresses of the endpoints.")],
            (o, _) => [Text(o, "addressType"), SlicePorts(o), SliceAddresses(o)]),
        ("apps", "controllerrevisions") => Printer(
            [Str("Controller", "The controller of the revision."), Int("Revision", "The revision number.")],
            (o, _) => [RevisionController(o), Number(o, "revision")]),
        ("", "configmaps") => Printer([Int("Data", "Number of data entries.")], (o, _) => [Count(o, "data") + Count(o, "binaryData")]),
        ("", "secrets") => Printer([Str("Type", "The type of secret."), Int("Data", "Number of data entries.")], (o, _) => [Text(o, "type", "Opaque"), Count(o, "data")]),
        ("", "serviceaccounts") => Printer([Int("Secrets", "Number of secrets.")], (o, _) => [Count(o, "secrets")]),
        ("", "events") => EventPrinter(),
        ("", "persistentvolumeclaims") => Printer(
            [Str("Status", "Phase."), Str("Volume", "Bound volume."), Str("Capacity", "Capacity."), Str("Access Modes", "Access modes."),
             Str("StorageClass", "Storage class."), Str("VolumeAttributesClass", "Volume attributes class.")],
            (o, _) => [Text(o, "status.phase", "Pending"), Text(o, "spec.volumeName"), Text(o, "status.capacity.storage"),
                AccessModes(o), Text(o, "spec.storageClassName", "<unset>"), Text(o, "spec.volumeAttributesClassName", "<unset>")]),
        ("apps", "deployments") => Printer(
            [Str("Ready", "Number of the pod with ready state."), Int("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
             Int("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."), Age(),
             Str("Containers", "Names of each container in the template.", 1), Str("Images", "Images referenced by each container in the template.", 1),
             Str("Selector", "Label selector for pods.", 1)],
            (o, now) => [$"{Number(o, "status.readyReplicas")}/{Number(o, "spec.replicas", 1)}", Number(o, "status.updatedReplicas"), Number(o, "status.availableReplicas"),
                AgeOf(o, now), ContainerField(o, "name"), ContainerField(o, "image"), SelectorText(o)],
            ageIncluded: true),
        ("apps", "replicasets") => Printer(
            [Int("Desired", "Number of desired pods."), Int("Current", "Number of actual replicas."), Int("Ready", "Number of ready replicas."), Age(),
             Str("Containers", "Names of each container in the template.", 1), Str("Images", "Images referenced by each container in the template.", 1),
             Str("Selector", "Label selector for pods.", 1)],
            (o, now) => [Number(o, "spec.replicas", 1), Number(o, "status.replicas"), Number(o, "status.readyReplicas"), AgeOf(o, now),
                ContainerField(o, "name"), ContainerField(o, "image"), SelectorText(o)],
            ageIncluded: true),
        ("apps", "statefulsets") => Printer(
            [Str("Ready", "Number of the pod with ready state."), Age(), Str("Containers", "Names of each container in the template.", 1),
             Str("Images", "Images referenced by each container in the template.", 1)],
            (o, now) => [$"{Number(o, "status.readyReplicas")}/{Number(o, "spec.replicas", 1)}", AgeOf(o, now), ContainerField(o, "name"), ContainerField(o, "image")],
            ageIncluded: true),
        ("apps", "daemonsets") => Printer(
            [Int("Desired", "Desired."), Int("Current", "Current."), Int("Ready", "Ready."), Int("Up-to-date", "Up to date."), Int("Available", "Available."),
             Str("Node Selector", "Node selector.")],
            (o, _) => [Number(o, "status.desiredNumberScheduled"), Number(o, "status.currentNumberScheduled"), Number(o, "status.numberReady"),
                Number(o, "status.updatedNumberScheduled"), Number(o, "status.numberAvailable"), MapText(o, "spec.template.spec.nodeSelector")]),
        ("batch", "jobs") => Printer(
            [Str("Status", "Status of the job."), Str("Completions", "The completion status of the job."), Str("Duration", "Time required to complete the job."),
             Str("Containers", "Names of each container in the template.", 1), Str("Images", "Images referenced by each container in the template.", 1),
             Str("Selector", "Label selector for pods.", 1)],
            (o, now) => [JobStatus(o), JobCompletions(o), JobDuration(o, now), ContainerField(o, "name"), ContainerField(o, "image"), SelectorText(o)]),
        ("batch", "cronjobs") => Printer(
            [Str("Schedule", "The schedule."), Str("Timezone", "The time zone."), Str("Suspend", "Whether suspended."), Int("Active", "Active jobs."), Str("Last Schedule", "Last schedule time.")],
            (o, now) => [Text(o, "spec.schedule"), Text(o, "spec.timeZone", "<none>"), Text(o, "spec.suspend", "False"), Count(o, "status.active"),
                o.At("status.lastScheduleTime") is JsonValue last ? Since(last.ToString(), now) : "<none>"]),
        ("coordination.k8s.io", "leases") => Printer([Str("Holder", "The holder of the lease.")], (o, _) => [Text(o, "spec.holderIdentity")]),
        ("scheduling.k8s.io", "priorityclasses") => Printer(
            [Int("Value", "The priority value."), Str("Global-Default", "Whether this is the default priority class."), Age(), Str("PreemptionPolicy", "Preemption policy.")],
            (o, now) => [Number(o, "value"), Text(o, "globalDefault", "false"), AgeOf(o, now), Text(o, "preemptionPolicy", "PreemptLowerPriority")],
            ageIncluded: true),
        ("storage.k8s.io", "storageclasses") => Printer(
            [Str("Provisioner", "Provisioner."), Str("ReclaimPolicy", "Reclaim policy."), Str("VolumeBindingMode", "Binding mode."), Str("AllowVolumeExpansion", "Expansion allowed.")],
            (o, _) => [Text(o, "provisioner"), Text(o, "reclaimPolicy", "Delete"), Text(o, "volumeBindingMode", "Immediate"), Text(o, "allowVolumeExpansion", "false")]),
        ("autoscaling", "horizontalpodautoscalers") => Printer(
            [Str("Reference", "The scale target."), Str("Targets", "Current and target metrics."), Int("MinPods", "Minimum replicas."), Int("MaxPods", "Maximum replicas."), Int("Replicas", "Current replicas.")],
            (o, _) => [$"{Text(o, "spec.scaleTargetRef.kind")}/{Text(o, "spec.scaleTargetRef.name")}", "<unknown>", Number(o, "spec.minReplicas", 1), Number(o, "spec.maxReplicas"), Number(o, "status.currentReplicas")]),
        ("policy", "poddisruptionbudgets") => Printer(
            [Str("Min Available", "Minimum available pods."), Str("Max Unavailable", "Maximum unavailable pods."), Int("Allowed Disruptions", "Disruptions allowed now.")],
            (o, _) => [Text(o, "spec.minAvailable", "N/A"), Text(o, "spec.maxUnavailable", "N/A"), Number(o, "status.disruptionsAllowed")]),
        ("rbac.authorization.k8s.io", "rolebindings" or "clusterrolebindings") => Printer(
            [Str("Role", "The role referenced."), Age()],
            (o, now) => [$"{Text(o, "roleRef.kind")}/{Text(o, "roleRef.name")}", AgeOf(o, now)],
            ageIncluded: true),
        ("rbac.authorization.k8s.io", "roles" or "clusterroles") or ("apiextensions.k8s.io", "customresourcedefinitions") => Printer(
            [new TableColumn("Created At", "date", "The time the object was created.")],
            (o, _) => [o.Metadata().GetString("creationTimestamp")],
            ageIncluded: true),
        _ => null,
    };

    /// <summary>NAME and AGE: the table of a kind without a printer of its own.</summary>
    public static TablePrinter Default => Printer([], (_, _) => []);

    private static TablePrinter Printer(TableColumn[] columns, Func<JsonObject, DateTimeOffset, JsonNode?[]> cells, bool ageIncluded = false)
    {
        var name = new TableColumn("Name", "string", NameDescription, 0, "name");
        if (ageIncluded)
        {
            return new TablePrinter([name, .. columns], (o, now) => [o.Metadata().GetString("name"), .. cells(o, now)]);
        }

        // Age goes after the default-priority columns and before the wide ones.
        var shown = columns.Where(c => c.Priority == 0).ToArray();
        var wide = columns.Where(c => c.Priority > 0).ToArray();
        return new TablePrinter(
            [name, .. shown, Age(), .. wide],
            (o, now) =>
            {
                var values = cells(o, now);
                return [o.Metadata().GetString("name"), .. values[..shown.Length], AgeOf(o, now), .. values[shown.Length..]];
            });
    }

    private static TablePrinter EventPrinter()
    {
        TableColumn[] columns =
        [
            Str("Last Seen", "Time since the event was last seen."), Str("Type", "Type of the event."), Str("Reason", "Why the event happened."),
            Str("Object", "The object the event is about."), Str("Subobject", "The part of the object.", 1), Str("Source", "Who reported it.", 1),
            Str("Message", "A description of the event."), Str("First Seen", "Time since first seen.", 1), Int("Count", "How often it happened.", 1),
            Str("Name", "The event's name.", 1),
        ];
        return new TablePrinter(
            [.. columns],
            (o, now) =>
            {
                var last = o.GetString("lastTimestamp") ?? o.GetString("eventTime") ?? o.Metadata().GetString("creationTimestamp");
                var first = o.GetString("firstTimestamp") ?? last;
                return
                [
                    last is null ? "<unknown>" : Since(last, now), Text(o, "type"), Text(o, "reason"),
                    $"{Text(o, "involvedObject.kind").ToLowerInvariant()}/{Text(o, "involvedObject.name")}", Text(o, "involvedObject.fieldPath"),
                    Text(o, "source.component"), Text(o, "message"), first is null ? "<unknown>" : Since(first, now), Number(o, "count", 1),
                    o.Metadata().GetString("name"),
                ];
            });
    }

    private static TableColumn Str(string name, string description, int priority = 0) => new(name, "string", description, priority);

    private static TableColumn Int(string name, string description, int priority = 0) => new(name, "integer", description, priority);

    private static TableColumn Age() => new("Age", "string", AgeDescription);

    private static JsonNode AgeOf(JsonObject o, DateTimeOffset now) =>
        o.Metadata().GetString("creationTimestamp") is { } created ? Since(created, now) : "<unknown>";

    internal static string Since(string timestamp, DateTimeOffset now) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? HumanDuration.Format(now - time)
            : "<unknown>";

    private static string Text(JsonObject o, string path, string fallback = "") => o.At(path) switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        var node => node.ToJsonString(),
    };

    private static long Number(JsonObject o, string path, long fallback = 0) =>
        o.At(path) is JsonValue v && v.TryGetValue<long>(out var n) ? n : fallback;

    private static int Count(JsonObject o, string path) => o.At(path) switch
    {
        JsonObject map => map.Count,
        JsonArray list => list.Count,
        _ => 0,
    };

    private static string MapText(JsonObject o, string path) =>
        o.At(path) is JsonObject { Count: > 0 } map ? string.Join(",", map.Select(p => $"{p.Key}={p.Value}")) : "<none>";

    private static string SelectorText(JsonObject o)
    {
        if (o.At("spec.selector") is not JsonObject selector)
        {
            return "<none>";
        }

        var terms = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            terms.AddRange(labels.Select(p => $"{p.Key}={p.Value}"));
        }

        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                var values = expression.StringList("values");
                terms.Add(expression.GetString("operator") switch
                {
                    "In" => $"{expression.GetString("key")} in ({string.Join(",", values)})",
                    "NotIn" => $"{expression.GetString("key")} notin ({string.Join(",", values)})",
                    "DoesNotExist" => $"!{expression.GetString("key")}",
                    _ => expression.GetString("key") ?? "",
                });
            }
        }

        return terms.Count == 0 ? "<none>" : string.Join(",", terms);
    }

    private static string ContainerField(JsonObject o, string field) =>
        o.At("spec.template.spec.containers") is JsonArray containers
            ? string.Join(",", containers.OfType<JsonObject>().Select(c => c.GetString(field)))
            : "";

    private static string NodeStatus(JsonObject o)
    {
        var ready = (o.At("status.conditions") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "Ready");
        // As kubectl's printer: a Ready condition that is False or Unknown both print NotReady; only a missing one is Unknown.
        var status = ready?.GetString("status") switch
        {
            null => "Unknown",
            "True" => "Ready",
            _ => "NotReady",
        };
        return o.At("spec.unschedulable") is JsonValue u && u.TryGetValue<bool>(out var cordoned) && cordoned ? status + ",SchedulingDisabled" : status;
    }

    private static string NodeRoles(JsonObject o)
    {
        var roles = o.Metadata()["labels"] is JsonObject labels
            ? labels.Select(p => p.Key).Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
                .Select(k => k["node-role.kubernetes.io/".Length..]).Where(r => r.Length > 0).Order(StringComparer.Ordinal).ToList()
            : [];
        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    private static string NodeAddress(JsonObject o, string type) =>
        (o.At("status.addresses") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => a.GetString("type") == type)?.GetString("address") ?? "<none>";

    private static string PodReady(JsonObject o)
    {
        var total = (o.At("spec.containers") as JsonArray)?.Count ?? 0;
        var ready = (o.At("status.containerStatuses") as JsonArray)?.OfType<JsonObject>()
            .Count(s => s["ready"] is JsonValue r && r.TryGetValue<bool>(out var isReady) && isReady) ?? 0;
        return $"{ready}/{total}";
    }

    private static string PodStatus(JsonObject o)
    {
        if (o.Metadata()["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var waiting = (o.At("status.containerStatuses") as JsonArray)?.OfType<JsonObject>()
            .Select(s => s.At("state.waiting.reason") ?? s.At("state.terminated.reason"))
            .FirstOrDefault(r => r is not null);
        if (waiting is JsonValue reason && reason.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        return Text(o, "status.reason") is { Length: > 0 } podReason ? podReason : Text(o, "status.phase", "Pending");
    }

    private static long PodRestarts(JsonObject o) =>
        (o.At("status.containerStatuses") as JsonArray)?.OfType<JsonObject>().Sum(s => s.GetLong("restartCount") ?? 0) ?? 0;

    private static string ExternalIps(JsonObject o)
    {
        var ips = o.At("spec.externalIPs") is JsonArray external ? external.Select(n => n?.ToString() ?? "").ToList() : [];
        if (o.At("status.loadBalancer.ingress") is JsonArray ingress)
        {
            ips.AddRange(ingress.OfType<JsonObject>().Select(i => i.GetString("ip") ?? i.GetString("hostname") ?? ""));
        }

        if (ips.Count > 0)
        {
            return string.Join(",", ips);
        }

        return Text(o, "spec.type") == "LoadBalancer" ? "<pending>" : "<none>";
    }

    private static string ServicePorts(JsonObject o)
    {
        if (o.At("spec.ports") is not JsonArray ports || ports.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", ports.OfType<JsonObject>().Select(p =>
        {
            var nodePort = p.GetLong("nodePort") is { } np ? $":{np}" : "";
            return $"{p.GetLong("port")}{nodePort}/{p.GetString("protocol") ?? "TCP"}";
        }));
    }

    /// <summary>ip:port per port and address, the first three then "+ N more...", as kubectl shows Endpoints.</summary>
    private static string EndpointAddresses(JsonObject o)
    {
        var endpoints = new List<string>();
        foreach (var subset in (o["subsets"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var addresses = (subset["addresses"] as JsonArray)?.OfType<JsonObject>().Select(a => a.GetString("ip") ?? "").ToList() ?? [];
            var ports = (subset["ports"] as JsonArray)?.OfType<JsonObject>().Select(p => p.GetLong("port")).ToList() ?? [];
            endpoints.AddRange(ports.Count == 0 ? addresses : ports.SelectMany(port => addresses.Select(ip => $"{ip}:{port}")));
        }

        return endpoints.Count == 0 ? "<none>" : FirstThree(endpoints);
    }

    private static string SlicePorts(JsonObject o)
    {
        var ports = (o["ports"] as JsonArray)?.OfType<JsonObject>()
            .Select(p => p.GetLong("port") is { } port ? port.ToString(CultureInfo.InvariantCulture) : p.GetString("name") ?? "*").ToList() ?? [];
        return ports.Count == 0 ? "<unset>" : FirstThree(ports);
    }

    private static string SliceAddresses(JsonObject o)
    {
        var addresses = (o["endpoints"] as JsonArray)?.OfType<JsonObject>().SelectMany(e => e.StringList("addresses")).ToList() ?? [];
        return addresses.Count == 0 ? "<unset>" : FirstThree(addresses);
    }

    private static string FirstThree(List<string> items) =>
        items.Count > 3 ? $"{string.Join(",", items.Take(3))} + {items.Count - 3} more..." : string.Join(",", items);

    /// <summary>The controller of a revision as kind.group/name (e.g. statefulset.apps/db).</summary>
    private static string RevisionController(JsonObject o)
    {
        var owner = (o.Metadata()["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => r["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController);
        if (owner is null)
        {
            return "<none>";
        }

        var apiVersion = owner.GetString("apiVersion") ?? "";
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        var kind = (owner.GetString("kind") ?? "").ToLowerInvariant();
        return $"{(group.Length == 0 ? kind : kind + "." + group)}/{owner.GetString("name")}";
    }

    private static string AccessModes(JsonObject o)
    {
        var modes = (o.At("status.accessModes") ?? o.At("spec.accessModes")) as JsonArray;
        return modes is null ? "" : string.Join(",", modes.Select(m => m?.ToString() switch
        {
            "ReadWriteOnce" => "RWO",
            "ReadOnlyMany" => "ROX",
            "ReadWriteMany" => "RWX",
            "ReadWriteOncePod" => "RWOP",
            var other => other,
        }));
    }

    private static string JobStatus(JsonObject o)
    {
        var conditions = (o.At("status.conditions") as JsonArray)?.OfType<JsonObject>().Where(c => c.GetString("status") == "True").Select(c => c.GetString("type")).ToList() ?? [];
        if (conditions.Contains("Complete"))
        {
            return "Complete";
        }

        if (conditions.Contains("Failed"))
        {
            return "Failed";
        }

        if (o.Metadata()["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        foreach (var type in new[] { "Suspended", "FailureTarget", "SuccessCriteriaMet" })
        {
            if (conditions.Contains(type))
            {
                return type;
            }
        }

        return "Running";
    }

    /// <summary>succeeded/completions; without completions, succeeded/1 and the parallelism when above one.</summary>
    private static string JobCompletions(JsonObject o)
    {
        var succeeded = Number(o, "status.succeeded");
        if (o.At("spec.completions") is JsonValue completions && completions.TryGetValue<long>(out var total))
        {
            return $"{succeeded}/{total}";
        }

        var parallelism = Number(o, "spec.parallelism");
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    private static string JobDuration(JsonObject o, DateTimeOffset now)
    {
        if (o.At("status.startTime") is not JsonValue start || !DateTimeOffset.TryParse(start.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started))
        {
            return "";
        }

        var end = o.At("status.completionTime") is JsonValue completion
            && DateTimeOffset.TryParse(completion.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var completed)
            ? completed
            : now;
        return HumanDuration.Format(end - started);
    }
}
