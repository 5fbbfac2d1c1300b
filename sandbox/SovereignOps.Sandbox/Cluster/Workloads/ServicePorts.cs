using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>A Service port resolved against one pod: a numeric targetPort as is, a named one through the pod's container ports.</summary>
internal readonly record struct ResolvedPort(string Name, int Port, string Protocol);

internal static class ServicePorts
{
    /// <summary>The Service's ports for this pod, in the Service's order; a named targetPort the pod lacks is left out.</summary>
    public static List<ResolvedPort> Resolve(JsonObject serviceSpec, PodView pod)
    {
        var resolved = new List<ResolvedPort>();
        foreach (var port in (serviceSpec["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var protocol = port.GetString("protocol") ?? "TCP";
            var name = port.GetString("name") ?? "";
            int? number = port["targetPort"] switch
            {
                JsonValue v when v.TryGetValue<int>(out var n) => n,
                JsonValue v when v.TryGetValue<string>(out var named) => pod.Ports.FirstOrDefault(c => c.Name == named && c.Protocol == protocol) is { Port: > 0 } match ? match.Port : null,
                _ => (int?)(port.GetLong("port") ?? 0),
            };
            if (number is { } value)
            {
                resolved.Add(new ResolvedPort(name, value, protocol));
            }
        }

        return resolved;
    }

    public static string Key(List<ResolvedPort> ports) => string.Join(",", ports.Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"));
}
