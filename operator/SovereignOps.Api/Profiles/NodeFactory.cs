using System.Globalization;
using k8s.Models;

namespace SovereignOps.Api.Profiles;

/// <summary>
/// Simulated GPU nodes for a pool, as the NVIDIA (or AMD) device plugin and feature discovery would label
/// and advertise them, for the sandbox and for offline planning.
/// </summary>
internal static class NodeFactory
{
    // Kept back from the server for the kubelet, the OS and system daemons.
    private const int ReservedCpu = 4;
    private const int ReservedMemoryGi = 32;
    private const int MaxPods = 110;

    public static IEnumerable<V1Node> Create(PoolDesign pool, string profileName, bool dedicated)
    {
        for (var index = 0; index < pool.NodeCount; index++)
        {
            var name = $"{pool.Name}-{index + 1:D2}";
            yield return new V1Node
            {
                ApiVersion = "v1",
                Kind = "Node",
                Metadata = new V1ObjectMeta { Name = name, Labels = Labels(pool, name, pool.ZoneOf(index)) },
                Spec = dedicated
                    ? new V1NodeSpec { Taints = [new V1Taint { Key = ProfileLabels.DedicatedTaint, Value = profileName, Effect = "NoSchedule" }] }
                    : new V1NodeSpec(),
                Status = new V1NodeStatus
                {
                    Capacity = Resources(pool, pool.Gpu.NodeCpu, pool.Gpu.NodeMemoryGi),
                    Allocatable = Resources(pool, pool.Gpu.NodeCpu - ReservedCpu, pool.Gpu.NodeMemoryGi - ReservedMemoryGi),
                    Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "kubelet is posting ready status" }],
                },
            };
        }
    }

    private static Dictionary<string, string> Labels(PoolDesign pool, string name, string zone)
    {
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            [ProfileLabels.Region] = pool.Region.Name,
            [ProfileLabels.Zone] = zone,
            [ProfileLabels.Pool] = pool.Name,
            [pool.Gpu.ProductLabelKey] = pool.Gpu.ProductLabel,
        };
        if (pool.Gpu.IsNvidia)
        {
            labels["nvidia.com/gpu.count"] = Text(pool.GpusPerNode);
            labels["nvidia.com/gpu.memory"] = Text(pool.Gpu.MemoryGiB * 1024);
        }

        if (pool.MigProfile is { } mig)
        {
            labels["nvidia.com/mig.strategy"] = "mixed";
            labels["nvidia.com/mig.config"] = $"all-{mig}";
        }

        return labels;
    }

    private static Dictionary<string, ResourceQuantity> Resources(PoolDesign pool, int cpu, int memoryGi)
    {
        var resources = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(Text(cpu)),
            ["memory"] = new($"{memoryGi}Gi"),
            ["pods"] = new(Text(MaxPods)),
        };

        // Under the mixed MIG strategy a partitioned GPU is advertised only as its slices.
        if (pool.MigProfile is { } mig)
        {
            resources[GpuHardware.MigResourceName(mig)] = new(Text(pool.GpusPerNode * pool.Gpu.MigSlices[mig]));
        }
        else
        {
            resources[pool.Gpu.ResourceName] = new(Text(pool.GpusPerNode));
        }

        return resources;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
