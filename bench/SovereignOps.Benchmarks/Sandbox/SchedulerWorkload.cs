using System.Globalization;
using System.Text.Json.Nodes;

namespace SovereignOps.Benchmarks.Sandbox;

/// <summary>
/// The synthetic cluster the scheduler benchmarks use: nodes in four regions, a quarter of them 8-GPU servers
/// tainted as dedicated, the rest CPU nodes (every region has both); pods that are a mix of GPU pods pinned to a
/// region and plain ones. Every pod fits: the GPU pods ask for 1 of the 8 GPUs of the region's GPU servers.
/// </summary>
internal static class SchedulerWorkload
{
    private static readonly string[] Regions = ["th-central", "th-north", "sa-central", "kr-central"];

    public static bool IsGpuNode(int i) => i % 4 == 0;

    public static JsonObject Node(int i)
    {
        var gpu = IsGpuNode(i);
        var allocatable = new JsonObject { ["cpu"] = gpu ? "220" : "64", ["memory"] = gpu ? "2016Gi" : "256Gi", ["pods"] = "110" };
        if (gpu)
        {
            allocatable["nvidia.com/gpu"] = "8";
        }

        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"node-{i:D4}",
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = $"node-{i:D4}",
                    ["topology.kubernetes.io/region"] = Regions[i / 4 % Regions.Length],
                    ["sovereignops.io/pool"] = gpu ? "gpu" : "cpu",
                },
            },
            ["status"] = new JsonObject { ["allocatable"] = allocatable },
        };
        if (gpu)
        {
            node["spec"] = new JsonObject { ["taints"] = new JsonArray(new JsonObject { ["key"] = "sovereignops.io/dedicated", ["value"] = "gov", ["effect"] = "NoSchedule" }) };
        }

        return node;
    }

    /// <summary>Every tenth pod asks for one GPU in a region (and tolerates the dedicated taint); the rest ask for CPU and memory.</summary>
    public static JsonObject Pod(int i)
    {
        var gpu = i % 10 == 0;
        var resources = gpu
            ? new JsonObject { ["limits"] = new JsonObject { ["nvidia.com/gpu"] = "1" } }
            : new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "250m", ["memory"] = "512Mi" } };
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "registry.example/app:1", ["resources"] = resources }),
        };
        if (gpu)
        {
            spec["tolerations"] = new JsonArray(new JsonObject { ["key"] = "sovereignops.io/dedicated", ["operator"] = "Exists", ["effect"] = "NoSchedule" });
            spec["affinity"] = new JsonObject
            {
                ["nodeAffinity"] = new JsonObject
                {
                    ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                    {
                        ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                        {
                            ["matchExpressions"] = new JsonArray(new JsonObject
                            {
                                ["key"] = "topology.kubernetes.io/region",
                                ["operator"] = "In",
                                ["values"] = new JsonArray(Regions[i / 10 % Regions.Length]),
                            }),
                        }),
                    },
                },
            };
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "pod-" + i.ToString("D5", CultureInfo.InvariantCulture), ["labels"] = new JsonObject { ["app"] = "bench" } },
            ["spec"] = spec,
        };
    }
}
