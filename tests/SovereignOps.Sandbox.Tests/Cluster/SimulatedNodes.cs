using System.Text;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>Node YAML for the cluster tests: GPU, MIG and CPU nodes in regions, some tainted as dedicated.</summary>
public static class SimulatedNodes
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string DedicatedTaint = "sovereignops.io/dedicated";

    /// <summary>
    /// Six nodes: th-gpu-1 and th-gpu-2 (8 × nvidia.com/gpu each, region th-central, tainted dedicated=gov:NoSchedule),
    /// th-mig-1 (16 × nvidia.com/mig-3g.40gb, th-north), sa-gpu-1 (4 GPUs, sa-central), cpu-1 and cpu-2 (th-central, no GPUs).
    /// </summary>
    public static string SixNodes() => string.Join("---\n",
        Node("th-gpu-1", "th-central", cpu: "64", memory: "512Gi", extended: ("nvidia.com/gpu", "8"), dedicated: true),
        Node("th-gpu-2", "th-central", cpu: "64", memory: "512Gi", extended: ("nvidia.com/gpu", "8"), dedicated: true),
        Node("th-mig-1", "th-north", cpu: "64", memory: "512Gi", extended: ("nvidia.com/mig-3g.40gb", "16")),
        Node("sa-gpu-1", "sa-central", cpu: "32", memory: "256Gi", extended: ("nvidia.com/gpu", "4")),
        Node("cpu-1", "th-central", cpu: "16", memory: "64Gi"),
        Node("cpu-2", "th-central", cpu: "16", memory: "64Gi"));

    public static string Node(string name, string region, string cpu, string memory, (string Name, string Amount)? extended = null, bool dedicated = false)
    {
        var yaml = new StringBuilder($"""
            apiVersion: v1
            kind: Node
            metadata:
              name: {name}
              labels:
                kubernetes.io/hostname: {name}
                {RegionLabel}: {region}

            """);
        if (dedicated)
        {
            yaml.Append($"""
                spec:
                  taints:
                  - key: {DedicatedTaint}
                    value: gov
                    effect: NoSchedule

                """);
        }

        yaml.Append($"""
            status:
              allocatable:
                cpu: "{cpu}"
                memory: {memory}

            """);
        if (extended is { } resource)
        {
            yaml.Append($"    {resource.Name}: \"{resource.Amount}\"\n");
        }

        return yaml.ToString();
    }

    public static string WriteTemp(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "sandbox-nodes-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
