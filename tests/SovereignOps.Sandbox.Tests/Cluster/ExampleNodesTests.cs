using k8s;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Testing;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>The examples' node files, as `sovereignctl sandbox --nodes examples/…/nodes.yaml` loads them, make a working cluster.</summary>
public sealed class ExampleNodesTests
{
    private static readonly string[] Countries = ["thailand", "saudi-arabia", "korea"];

    [Fact]
    public async Task Every_example_node_reports_ready_and_the_thai_mig_slices_take_a_sliced_model()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            NodeFiles = [.. Countries.Select(c => RepoPaths.Combine("examples", c, "nodes.yaml"))],
            Cluster = new ClusterOptions { PodStartDelay = TimeSpan.Zero },
        });
        using var client = server.CreateClient();

        var nodes = await Eventually.ReturnsAsync(
            () => client.CoreV1.ListNodeAsync(),
            list => list.Items.All(n => n.Status.NodeInfo?.KubeletVersion is not null && n.Spec.PodCIDR is not null),
            "every node is registered");
        await client.CoreV1.CreateNamespacedPodAsync(Pods.Make("typhoon-mig", limits: new() { ["nvidia.com/mig-3g.40gb"] = "4" }).InRegions("th-north"), "default");
        var pod = await Pods.WaitAsync(client, "default", "typhoon-mig", Pods.IsReady, "runs");

        Assert.Equal(14, nodes.Items.Count);
        Assert.All(nodes.Items, n => Assert.Equal("True", n.Status.Conditions.Single(c => c.Type == "Ready").Status));
        Assert.All(nodes.Items, n => Assert.Equal(n.Status.Capacity.Keys.Order(), n.Status.Allocatable.Keys.Order()));
        Assert.Equal(nodes.Items.Count, nodes.Items.Select(n => n.Spec.PodCIDR).Distinct().Count());
        Assert.Equal("cnx-h100-mig-01", pod.Spec.NodeName);
    }
}
