using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>A named container port, as Services resolve a named targetPort.</summary>
internal readonly record struct ContainerPort(string Name, int Port, string Protocol);

/// <summary>
/// The facts workload controllers read from one version of a pod, parsed once when the version arrives so a
/// ReplicaSet of thousands of pods is reconciled without re-parsing their JSON.
/// </summary>
internal sealed class PodView
{
    private PodView(StoredObject stored, JsonObject pod)
    {
        Stored = stored;
        var metadata = pod.Metadata();
        Created = ParseTime(metadata.GetString("creationTimestamp")) ?? DateTimeOffset.MinValue;
        Controller = stored.Owners.FirstOrDefault(o => o.Controller);
        var spec = pod["spec"] as JsonObject;
        var status = pod["status"] as JsonObject;
        NodeName = spec?.GetString("nodeName") ?? "";
        Hostname = spec?.GetString("hostname") ?? "";
        Subdomain = spec?.GetString("subdomain") ?? "";
        Phase = status?.GetString("phase") ?? "Pending";
        PodIp = status?.GetString("podIP") ?? "";
        var ready = (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "Ready");
        Ready = ready?.GetString("status") == "True";
        ReadySince = Ready ? ParseTime(ready!.GetString("lastTransitionTime")) : null;
        RestartCount = (status?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().Sum(c => c.GetLong("restartCount") ?? 0) ?? 0;
        Ports = [.. ((spec?["containers"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .SelectMany(c => (c["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(p => new ContainerPort(p.GetString("name") ?? "", (int)(p.GetLong("containerPort") ?? 0), p.GetString("protocol") ?? "TCP"))];
        ClaimNames = [.. ((spec?["volumes"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(v => (v["persistentVolumeClaim"] as JsonObject)?.GetString("claimName"))
            .OfType<string>()];
    }

    public StoredObject Stored { get; }

    public string Namespace => Stored.Namespace;

    public string Name => Stored.Name;

    public string Uid => Stored.Uid;

    public ImmutableDictionary<string, string> Labels => Stored.Labels;

    public bool Deleting => Stored.IsDeleting;

    /// <summary>The owner reference marked controller, if any.</summary>
    public OwnerReference? Controller { get; }

    public DateTimeOffset Created { get; }

    public string NodeName { get; }

    public string Hostname { get; }

    public string Subdomain { get; }

    public string Phase { get; }

    public string PodIp { get; }

    public bool Ready { get; }

    public DateTimeOffset? ReadySince { get; }

    public long RestartCount { get; }

    public ImmutableArray<ContainerPort> Ports { get; }

    public ImmutableArray<string> ClaimNames { get; }

    public bool Terminal => Phase is "Succeeded" or "Failed";

    /// <summary>Counts toward a controller's replicas: not finished and not being deleted.</summary>
    public bool Active => !Deleting && !Terminal;

    /// <summary>Ready for at least <paramref name="minReadySeconds"/> (the controllers' "available").</summary>
    public bool AvailableAt(DateTimeOffset now, int minReadySeconds) =>
        Ready && (minReadySeconds <= 0 || (ReadySince is { } since && since.AddSeconds(minReadySeconds) <= now));

    /// <summary>When a ready pod becomes available; null when it is not ready.</summary>
    public DateTimeOffset? AvailableFrom(int minReadySeconds) => Ready ? (ReadySince ?? Created).AddSeconds(Math.Max(0, minReadySeconds)) : null;

    public static PodView From(StoredObject stored) => new(stored, stored.ToJsonObject());

    internal static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>True when the facts a Service or disruption budget reads differ between two versions.</summary>
    public bool ServingFactsDiffer(PodView other) =>
        Ready != other.Ready || PodIp != other.PodIp || Deleting != other.Deleting || Phase != other.Phase
        || NodeName != other.NodeName || !LabelsEqual(Labels, other.Labels);

    private static bool LabelsEqual(ImmutableDictionary<string, string> a, ImmutableDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
