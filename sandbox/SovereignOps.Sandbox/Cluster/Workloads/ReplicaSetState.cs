using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// One ReplicaSet as the Deployment controller reasons about it during a pass; <see cref="Replicas"/> follows
/// the scaling the pass has written so later steps see it.
/// </summary>
internal sealed class ReplicaSetState
{
    private ReplicaSetState(StoredObject stored, JsonObject obj)
    {
        Stored = stored;
        var metadata = obj.Metadata();
        Replicas = (int)(obj.At("spec.replicas") is JsonValue r && r.TryGetValue<long>(out var replicas) ? replicas : 1);
        var status = obj["status"] as JsonObject;
        StatusReplicas = (int)(status?.GetLong("replicas") ?? 0);
        ReadyReplicas = (int)(status?.GetLong("readyReplicas") ?? 0);
        AvailableReplicas = (int)(status?.GetLong("availableReplicas") ?? 0);
        ObservedGeneration = status?.GetLong("observedGeneration") ?? 0;
        Generation = metadata.GetLong("generation") ?? 0;
        Created = PodView.ParseTime(metadata.GetString("creationTimestamp")) ?? DateTimeOffset.MinValue;
        Annotations = (metadata["annotations"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal) ?? [];
        Revision = long.TryParse(Annotations.GetValueOrDefault(DeploymentAnnotations.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;
        MinReadySeconds = (int)(obj.At("spec.minReadySeconds") is JsonValue m && m.TryGetValue<long>(out var minReady) ? minReady : 0);
        var template = obj.At("spec.template")?.DeepClone() as JsonObject ?? [];
        (template["metadata"] as JsonObject)?["labels"]?.AsObject().Remove(DeploymentAnnotations.PodTemplateHashLabel);
        TemplateWithoutHash = template;
    }

    public StoredObject Stored { get; }

    public string Name => Stored.Name;

    public int Replicas { get; set; }

    public int StatusReplicas { get; }

    public int ReadyReplicas { get; }

    public int AvailableReplicas { get; }

    public long Generation { get; }

    public long ObservedGeneration { get; }

    public DateTimeOffset Created { get; }

    public long Revision { get; }

    public int MinReadySeconds { get; }

    public Dictionary<string, string> Annotations { get; }

    /// <summary>The pod template with the pod-template-hash label taken out, for comparison with the Deployment's.</summary>
    public JsonObject TemplateWithoutHash { get; }

    public static ReplicaSetState From(StoredObject stored) => new(stored, stored.ToJsonObject());

    /// <summary>Oldest first; the name breaks ties (the controller-manager's creation-timestamp order).</summary>
    public static int ByAge(ReplicaSetState a, ReplicaSetState b)
    {
        var byTime = a.Created.CompareTo(b.Created);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Name, b.Name);
    }
}
