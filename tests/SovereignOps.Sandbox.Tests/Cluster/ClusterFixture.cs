using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>A sandbox with the six simulated nodes of <see cref="SimulatedNodes.SixNodes"/> and quick pod start-up.</summary>
public class ClusterFixture : SandboxFixture
{
    private readonly string _nodes = SimulatedNodes.WriteTemp(SimulatedNodes.SixNodes());

    protected override SandboxOptions Options => base.Options with
    {
        NodeFiles = [_nodes],
        Seed = 7,
        Cluster = new ClusterOptions { PodStartDelay = TimeSpan.FromMilliseconds(50), PodRunDuration = TimeSpan.FromMilliseconds(200) },
    };
}
