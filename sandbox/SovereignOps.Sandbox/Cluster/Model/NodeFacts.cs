using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>The state of a node's Ready condition: True, False, or Unknown (the kubelet stopped reporting).</summary>
public enum NodeReadiness
{
    Ready,
    NotReady,
    Unknown,
}

/// <summary>What the simulated cluster needs to know about one Node, read once from its stored JSON.</summary>
public sealed record NodeFacts
{
    public required string Name { get; init; }

    public string Uid { get; init; } = "";

    public long ResourceVersion { get; init; }

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<Taint> Taints { get; init; } = [];

    public bool Unschedulable { get; init; }

    /// <summary>status.allocatable, or status.capacity when only that is given.</summary>
    public ResourceList Allocatable { get; init; } = ResourceList.Empty;

    public NodeReadiness Readiness { get; init; } = NodeReadiness.Unknown;

    public string PodCidr { get; init; } = "";

    public string InternalIp { get; init; } = "";

    /// <summary>The pods the node admits: allocatable "pods", 110 (the kubelet default) when not given.</summary>
    public long MaxPods => Allocatable.Amounts.TryGetValue("pods", out var pods) ? pods / 1000 : 110;

    public static NodeFacts Read(StoredObject stored)
    {
        var obj = stored.ToJsonObject();
        var spec = obj["spec"] as JsonObject ?? new JsonObject();
        var status = obj["status"] as JsonObject ?? new JsonObject();
        var ready = (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "Ready");
        return new NodeFacts
        {
            Name = stored.Name,
            Uid = stored.Uid,
            ResourceVersion = stored.ResourceVersion,
            Labels = stored.Labels,
            Taints = spec["taints"] is JsonArray taints
                ? [.. taints.OfType<JsonObject>().Select(t => new Taint(t.GetString("key") ?? "", t.GetString("value") ?? "", t.GetString("effect") ?? "", PodFacts.Time(t.GetString("timeAdded"))))]
                : [],
            Unschedulable = spec["unschedulable"] is JsonValue u && u.TryGetValue<bool>(out var cordoned) && cordoned,
            Allocatable = ResourceList.From(status["allocatable"] ?? status["capacity"]),
            Readiness = ready?.GetString("status") switch
            {
                "True" => NodeReadiness.Ready,
                "False" => NodeReadiness.NotReady,
                _ => NodeReadiness.Unknown,
            },
            PodCidr = spec.GetString("podCIDR") ?? "",
            InternalIp = (status["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => a.GetString("type") == "InternalIP")?.GetString("address") ?? "",
        };
    }
}
