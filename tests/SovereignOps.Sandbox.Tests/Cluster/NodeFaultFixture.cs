using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>
/// Two nodes, east-1 and west-1, with node monitoring shortened to seconds: a stopped kubelet turns its node
/// Unknown within ~2 s and its pods are evicted 1 s later.
/// </summary>
public class NodeFaultFixture : SandboxFixture
{
    private readonly string _nodes = SimulatedNodes.WriteTemp(string.Join("---\n",
        SimulatedNodes.Node("east-1", "east", cpu: "8", memory: "32Gi", extended: ("nvidia.com/gpu", "2")),
        SimulatedNodes.Node("west-1", "west", cpu: "8", memory: "32Gi")));

    protected override SandboxOptions Options => base.Options with
    {
        NodeFiles = [_nodes],
        Cluster = new ClusterOptions
        {
            PodStartDelay = TimeSpan.FromMilliseconds(50),
            NodeLeaseInterval = TimeSpan.FromMilliseconds(200),
            NodeMonitorPeriod = TimeSpan.FromMilliseconds(200),
            NodeMonitorGracePeriod = TimeSpan.FromSeconds(2),
            DefaultTolerationSeconds = 1,
        },
    };
}

/// <summary>The same two nodes for the removal tests, in a sandbox of their own.</summary>
public sealed class NodeRemovalFixture : NodeFaultFixture;
