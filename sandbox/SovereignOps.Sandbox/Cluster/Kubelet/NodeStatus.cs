using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Controllers;

namespace SovereignOps.Sandbox.Cluster.Kubelet;

/// <summary>
/// The node status a kubelet reports: the four node conditions with heartbeat times, capacity and allocatable
/// (each standing in for the other when only one was given), addresses, nodeInfo and the kubelet endpoint.
/// What the node file already set is kept.
/// </summary>
internal static class NodeStatus
{
    public const string KubeletVersion = "v1.34.5";

    private static readonly (string Type, string Reason, string Message)[] Healthy =
    [
        ("MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        ("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        ("Ready", "KubeletReady", "kubelet is posting ready status"),
    ];

    /// <summary>Writes a Ready report with fresh heartbeat times into the node object.</summary>
    public static void Report(JsonObject node, string internalIp, DateTimeOffset now)
    {
        var status = node["status"] as JsonObject ?? new JsonObject();
        node["status"] = status;
        var capacity = status["capacity"] as JsonObject;
        var allocatable = status["allocatable"] as JsonObject;
        capacity ??= (JsonObject?)allocatable?.DeepClone() ?? new JsonObject();
        allocatable ??= (JsonObject)capacity.DeepClone();
        foreach (var resources in new[] { capacity, allocatable })
        {
            resources["pods"] ??= "110";
        }

        status["capacity"] = capacity;
        status["allocatable"] = allocatable;

        var conditions = new ConditionList(status, now);
        foreach (var (type, reason, message) in Healthy)
        {
            conditions.Set(type, type == "Ready" ? "True" : "False", reason, message);
        }

        var heartbeat = SandboxJson.Timestamp(now);
        foreach (var condition in ((JsonArray)status["conditions"]!).OfType<JsonObject>())
        {
            condition["lastHeartbeatTime"] = heartbeat;
        }

        if (status["addresses"] is not JsonArray { Count: > 0 })
        {
            var name = node.Metadata().GetString("name");
            status["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = internalIp },
                new JsonObject { ["type"] = "Hostname", ["address"] = name });
        }

        var labels = node.Metadata()["labels"] as JsonObject;
        var info = status["nodeInfo"] as JsonObject ?? new JsonObject();
        status["nodeInfo"] = info;
        info["architecture"] ??= labels?["kubernetes.io/arch"]?.DeepClone() ?? "amd64";
        info["operatingSystem"] ??= labels?["kubernetes.io/os"]?.DeepClone() ?? "linux";
        info["osImage"] ??= "Ubuntu 24.04.2 LTS (simulated)";
        info["kernelVersion"] ??= "6.8.0-sandbox";
        info["containerRuntimeVersion"] ??= "containerd://2.0.5";
        info["kubeletVersion"] ??= KubeletVersion;
        info["kubeProxyVersion"] ??= "";
        info["machineID"] ??= Identifier(node, "machine");
        info["systemUUID"] ??= Identifier(node, "system");
        info["bootID"] ??= Identifier(node, "boot");
        status["daemonEndpoints"] ??= new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = 10250 } };
    }

    /// <summary>Marks every condition Unknown: what the node lifecycle controller writes when the kubelet stops reporting.</summary>
    public static bool MarkUnknown(JsonObject node, DateTimeOffset now)
    {
        if (node["status"] is not JsonObject status)
        {
            return false;
        }

        var conditions = new ConditionList(status, now);
        var changed = false;
        foreach (var (type, _, _) in Healthy)
        {
            var current = (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);
            if (current?.GetString("status") == "Unknown")
            {
                continue;
            }

            conditions.Set(type, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.");
            changed = true;
        }

        return changed;
    }

    private static string Identifier(JsonObject node, string purpose)
    {
        var uid = node.Metadata().GetString("uid") ?? "";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(purpose + "/" + uid)))[..32].ToLowerInvariant();
    }
}
