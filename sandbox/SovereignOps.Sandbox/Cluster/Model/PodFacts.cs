using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>
/// What the simulated cluster needs to know about one pod, read once from its stored JSON: identity,
/// placement constraints, resource requests, lifecycle state and the sandbox annotations.
/// </summary>
public sealed record PodFacts
{
    public const string StartDelayAnnotation = "sandbox.sovereignops.io/start-delay";
    public const string RunDurationAnnotation = "sandbox.sovereignops.io/run-duration";
    public const string ExitCodeAnnotation = "sandbox.sovereignops.io/exit-code";

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public long ResourceVersion { get; init; }

    public DateTimeOffset CreationTimestamp { get; init; }

    public string NodeName { get; init; } = "";

    public string SchedulerName { get; init; } = "";

    public string Phase { get; init; } = "Pending";

    public bool IsDeleting { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public int Priority { get; init; }

    public string PreemptionPolicy { get; init; } = "PreemptLowerPriority";

    public string RestartPolicy { get; init; } = "Always";

    /// <summary>Effective requests: per container requests, limits where a request is missing; containers summed, init containers as a maximum.</summary>
    public ResourceList Requests { get; init; } = ResourceList.Empty;

    public ImmutableDictionary<string, string> NodeSelector { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Required node affinity terms (ORed); empty when the pod has none.</summary>
    public ImmutableArray<NodeSelectorTerm> RequiredTerms { get; init; } = [];

    public ImmutableArray<WeightedNodeSelectorTerm> PreferredTerms { get; init; } = [];

    public ImmutableArray<Toleration> Tolerations { get; init; } = [];

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>status.containerStatuses has entries: a kubelet already reported on this pod.</summary>
    public bool HasContainerStatuses { get; init; }

    public bool IsReady { get; init; }

    public string PodIp { get; init; } = "";

    public bool IsTerminal => Phase is "Succeeded" or "Failed";

    public string Key => Namespace + "/" + Name;

    /// <summary>Bound, not finished: it holds resources on its node.</summary>
    public bool HoldsResources => NodeName.Length > 0 && !IsTerminal;

    public static PodFacts Read(StoredObject stored)
    {
        var obj = stored.ToJsonObject();
        var metadata = obj.Metadata();
        var spec = obj["spec"] as JsonObject ?? new JsonObject();
        var status = obj["status"] as JsonObject ?? new JsonObject();
        var affinity = spec.At("affinity.nodeAffinity") as JsonObject;
        return new PodFacts
        {
            Namespace = stored.Namespace,
            Name = stored.Name,
            Uid = stored.Uid,
            ResourceVersion = stored.ResourceVersion,
            CreationTimestamp = Time(metadata.GetString("creationTimestamp")) ?? DateTimeOffset.MinValue,
            NodeName = spec.GetString("nodeName") ?? "",
            SchedulerName = spec.GetString("schedulerName") ?? "",
            Phase = status.GetString("phase") ?? "Pending",
            IsDeleting = stored.IsDeleting,
            DeletionTimestamp = Time(metadata.GetString("deletionTimestamp")),
            Priority = (int)(spec.GetLong("priority") ?? 0),
            PreemptionPolicy = spec.GetString("preemptionPolicy") ?? "PreemptLowerPriority",
            RestartPolicy = spec.GetString("restartPolicy") ?? "Always",
            Requests = EffectiveRequests(spec),
            NodeSelector = StringMap(spec["nodeSelector"]),
            RequiredTerms = affinity?.At("requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") is JsonArray terms
                ? [.. terms.OfType<JsonObject>().Select(NodeSelectorTerm.From)]
                : [],
            PreferredTerms = affinity?["preferredDuringSchedulingIgnoredDuringExecution"] is JsonArray preferred
                ? [.. preferred.OfType<JsonObject>().Select(p => new WeightedNodeSelectorTerm((int)(p.GetLong("weight") ?? 0), NodeSelectorTerm.From(p["preference"] as JsonObject ?? new JsonObject())))]
                : [],
            Tolerations = spec["tolerations"] is JsonArray tolerations
                ? [.. tolerations.OfType<JsonObject>().Select(t => new Toleration(t.GetString("key") ?? "", t.GetString("operator") ?? "", t.GetString("value") ?? "", t.GetString("effect") ?? "", t.GetLong("tolerationSeconds")))]
                : [],
            Annotations = StringMap(metadata["annotations"]),
            HasContainerStatuses = status["containerStatuses"] is JsonArray { Count: > 0 },
            IsReady = (status["conditions"] as JsonArray)?.OfType<JsonObject>().Any(c => c.GetString("type") == "Ready" && c.GetString("status") == "True") == true,
            PodIp = status.GetString("podIP") ?? "",
        };
    }

    /// <summary>
    /// Requests as the scheduler counts them: each container's requests, with its limits standing in for
    /// requests it leaves out (the API defaults them so); containers add up, and init containers, which run
    /// one at a time before them, need only their largest.
    /// </summary>
    public static ResourceList EffectiveRequests(JsonObject spec)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var container in (spec["containers"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var (name, amount) in ContainerRequests(container))
            {
                sum[name] = sum.GetValueOrDefault(name) + amount;
            }
        }

        foreach (var container in (spec["initContainers"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var (name, amount) in ContainerRequests(container))
            {
                sum[name] = Math.Max(sum.GetValueOrDefault(name), amount);
            }
        }

        return new ResourceList(sum.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private static Dictionary<string, long> ContainerRequests(JsonObject container)
    {
        var requests = ResourceList.From(container.At("resources.requests")).Amounts;
        var limits = ResourceList.From(container.At("resources.limits")).Amounts;
        var effective = new Dictionary<string, long>(requests, StringComparer.Ordinal);
        foreach (var (name, amount) in limits)
        {
            effective.TryAdd(name, amount);
        }

        return effective;
    }

    private static ImmutableDictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject map
            ? map.ToImmutableDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "", StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;

    internal static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
