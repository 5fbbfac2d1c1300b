using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Controllers;

namespace SovereignOps.Sandbox.Cluster.Kubelet;

/// <summary>
/// The pod status a kubelet writes as a pod runs: containers running (then ready), or terminated with an
/// exit code; the five pod conditions in the kubelet's order; phase, start time, host and pod IPs.
/// </summary>
internal static class PodStatusReport
{
    private static readonly string[] OptionalText = ["reason", "message"];
    private static readonly string[] ConditionOrder = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];

    /// <summary>Containers started; ready when <paramref name="ready"/>.</summary>
    public static void Running(JsonObject pod, string hostIp, string podIp, DateTimeOffset startedAt, bool ready, DateTimeOffset now)
    {
        var status = Status(pod);
        status["phase"] = "Running";
        status["hostIP"] = hostIp;
        status["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp });
        status["podIP"] = podIp;
        status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp });
        status["startTime"] ??= SandboxJson.Timestamp(startedAt);
        var started = SandboxJson.Timestamp(startedAt);
        var containers = Names(pod, "containers");
        status["containerStatuses"] = new JsonArray([.. Containers(pod, "containers").Select(c => (JsonNode)ContainerStatus(pod, c,
            new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } }, ready, started: true))]);
        SetInitContainersDone(pod, status, started);

        var conditions = new ConditionList(status, now);
        conditions.Set("PodReadyToStartContainers", "True", "", "");
        conditions.Set("Initialized", "True", "", "");
        var notReady = $"containers with unready status: [{string.Join(" ", containers)}]";
        conditions.Set("Ready", ready ? "True" : "False", ready ? "" : "ContainersNotReady", ready ? "" : notReady);
        conditions.Set("ContainersReady", ready ? "True" : "False", ready ? "" : "ContainersNotReady", ready ? "" : notReady);
        Tidy(status);
    }

    /// <summary>Every container exited with <paramref name="exitCode"/>: the pod Succeeded (0) or Failed.</summary>
    public static void Finished(JsonObject pod, int exitCode, DateTimeOffset now)
    {
        var status = Status(pod);
        var finished = SandboxJson.Timestamp(now);
        var startedAt = status.GetString("startTime") ?? finished;
        var reason = exitCode == 0 ? "Completed" : "Error";
        status["phase"] = exitCode == 0 ? "Succeeded" : "Failed";
        status["containerStatuses"] = new JsonArray([.. Containers(pod, "containers").Select(c => (JsonNode)ContainerStatus(pod, c, new JsonObject
        {
            ["terminated"] = new JsonObject
            {
                ["exitCode"] = exitCode,
                ["reason"] = reason,
                ["startedAt"] = startedAt,
                ["finishedAt"] = finished,
                ["containerID"] = ContainerId(pod, c.GetString("name") ?? ""),
            },
        }, ready: false, started: false))]);
        var conditions = new ConditionList(status, now);
        var podReason = exitCode == 0 ? "PodCompleted" : "PodFailed";
        conditions.Set("PodReadyToStartContainers", "False", "", "");
        conditions.Set("Ready", "False", podReason, "");
        conditions.Set("ContainersReady", "False", podReason, "");
        Tidy(status);
    }

    /// <summary>What the node lifecycle controller writes on pods of a node that stopped reporting.</summary>
    public static bool MarkNotReady(JsonObject pod, DateTimeOffset now)
    {
        var status = Status(pod);
        var ready = (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "Ready");
        if (ready is null || ready.GetString("status") == "False")
        {
            return false;
        }

        new ConditionList(status, now).Set("Ready", "False", "NodeNotReady", "");
        Tidy(status);
        return true;
    }

    private static void SetInitContainersDone(JsonObject pod, JsonObject status, string at)
    {
        var init = Containers(pod, "initContainers").ToList();
        if (init.Count == 0)
        {
            return;
        }

        status["initContainerStatuses"] = new JsonArray([.. init.Select(c => (JsonNode)ContainerStatus(pod, c, new JsonObject
        {
            ["terminated"] = new JsonObject
            {
                ["exitCode"] = 0,
                ["reason"] = "Completed",
                ["startedAt"] = at,
                ["finishedAt"] = at,
                ["containerID"] = ContainerId(pod, c.GetString("name") ?? ""),
            },
        }, ready: true, started: false))]);
    }

    private static JsonObject ContainerStatus(JsonObject pod, JsonObject container, JsonObject state, bool ready, bool started)
    {
        var name = container.GetString("name") ?? "";
        var image = container.GetString("image") ?? "";
        var repository = image.Contains('@', StringComparison.Ordinal) ? image[..image.IndexOf('@', StringComparison.Ordinal)] : StripTag(image);
        return new JsonObject
        {
            ["name"] = name,
            ["state"] = state,
            ["lastState"] = new JsonObject(),
            ["ready"] = ready,
            ["restartCount"] = 0,
            ["image"] = image,
            ["imageID"] = $"{repository}@sha256:{Hash("image/" + image)}",
            ["containerID"] = ContainerId(pod, name),
            ["started"] = started,
        };
    }

    private static string StripTag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[..colon] : image;
    }

    private static string ContainerId(JsonObject pod, string container) =>
        "containerd://" + Hash((pod.Metadata().GetString("uid") ?? "") + "/" + container);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static IEnumerable<JsonObject> Containers(JsonObject pod, string list) => (pod.At("spec." + list) as JsonArray)?.OfType<JsonObject>() ?? [];

    private static List<string> Names(JsonObject pod, string list) => [.. Containers(pod, list).Select(c => c.GetString("name") ?? "")];

    private static JsonObject Status(JsonObject pod)
    {
        var status = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = status;
        return status;
    }

    /// <summary>Conditions in the kubelet's order with lastProbeTime null, empty reasons and messages left out.</summary>
    private static void Tidy(JsonObject status)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            return;
        }

        var ordered = conditions.OfType<JsonObject>()
            .OrderBy(c => Array.IndexOf(ConditionOrder, c.GetString("type")) is var i && i < 0 ? int.MaxValue : i)
            .Select(c =>
            {
                var copy = (JsonObject)c.DeepClone();
                foreach (var field in OptionalText)
                {
                    if (copy.GetString(field) is "")
                    {
                        copy.Remove(field);
                    }
                }

                copy["lastProbeTime"] = null;
                return (JsonNode)copy;
            })
            .ToArray();
        status["conditions"] = new JsonArray(ordered);
    }
}
