using k8s;
using SovereignOps.Sandbox.Cluster;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>The same nodes, seed and pods give the same placement in two independent sandboxes.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Two_sandboxes_with_the_same_seed_bind_the_same_pods_to_the_same_nodes()
    {
        var nodes = SimulatedNodes.WriteTemp(SimulatedNodes.SixNodes());
        var first = await PlaceAsync(nodes);
        var second = await PlaceAsync(nodes);

        Assert.Equal(first, second);
        Assert.True(first.Values.Distinct().Count() > 2, "the pods spread over several nodes: " + string.Join(", ", first));
    }

    private static async Task<SortedDictionary<string, string>> PlaceAsync(string nodes)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { NodeFiles = [nodes], Seed = 42, Cluster = new ClusterOptions { PodStartDelay = TimeSpan.Zero } });
        using var client = server.CreateClient();
        for (var i = 0; i < 24; i++)
        {
            var pod = i % 3 == 0
                ? Pods.Make($"gpu-{i:D2}", limits: new() { ["nvidia.com/gpu"] = "1" }).TolerateDedicated()
                : Pods.Make($"cpu-{i:D2}", requests: new() { ["cpu"] = "2", ["memory"] = "4Gi" });
            await client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        }

        var pods = await Eventually.ReturnsAsync(
            () => client.CoreV1.ListNamespacedPodAsync("default"),
            list => list.Items.Count == 24 && list.Items.All(p => p.Spec.NodeName is not null),
            "every pod is bound");
        return new SortedDictionary<string, string>(pods.Items.ToDictionary(p => p.Metadata.Name, p => p.Spec.NodeName), StringComparer.Ordinal);
    }
}
