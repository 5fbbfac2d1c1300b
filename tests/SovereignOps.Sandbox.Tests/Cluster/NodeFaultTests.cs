using k8s;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>A node whose kubelet stops: marked Unknown, tainted unreachable, its pods evicted; pods pinned to its region wait.</summary>
public sealed class NodeFaultTests(NodeFaultFixture sandbox) : IClassFixture<NodeFaultFixture>
{
    [Fact]
    public async Task A_lost_node_has_its_pods_evicted_and_pods_pinned_to_its_region_wait_for_it()
    {
        var ns = await sandbox.CreateNamespaceAsync("lost");
        var bare = Pods.Make("bare").InRegions("east");
        bare.Spec.TerminationGracePeriodSeconds = 1;
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(bare, ns);
        var running = await Pods.WaitAsync(sandbox.Client, ns, "bare", Pods.IsReady, "runs on east-1");
        Assert.Equal("east-1", running.Spec.NodeName);
        Assert.Contains(running.Spec.Tolerations, t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoExecute" && t.TolerationSeconds == 1);

        Assert.True(sandbox.Server.Cluster.SetNodeReady("east-1", false));

        var node = await Eventually.ReturnsAsync(
            () => sandbox.Client.CoreV1.ReadNodeAsync("east-1"),
            n => n.Spec.Taints?.Any(t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoExecute") == true,
            "east-1 is tainted unreachable");
        Assert.Equal("Unknown", node.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Equal("NodeStatusUnknown", node.Status.Conditions.Single(c => c.Type == "Ready").Reason);
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0, "the evicted pod is gone", TimeSpan.FromSeconds(20));
        var nodes = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "nodes")).Succeeded());
        Assert.Equal("NotReady", nodes.Single(r => r[0] == "east-1")[1]);

        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("pinned", limits: new() { ["nvidia.com/gpu"] = "1" }).InRegions("east"), ns);
        var waiting = await Pods.WaitAsync(sandbox.Client, ns, "pinned", p => Pods.Condition(p, "PodScheduled")?.Status == "False", "is reported unschedulable");
        Assert.Equal(
            "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). "
            + "no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
            Pods.Condition(waiting, "PodScheduled")!.Message);

        Assert.True(sandbox.Server.Cluster.SetNodeReady("east-1", true));

        var rescheduled = await Pods.WaitAsync(sandbox.Client, ns, "pinned", Pods.IsReady, "runs once east-1 is back");
        Assert.Equal("east-1", rescheduled.Spec.NodeName);
        var healed = await sandbox.Client.CoreV1.ReadNodeAsync("east-1");
        Assert.DoesNotContain(healed.Spec.Taints ?? [], t => t.Key.StartsWith("node.kubernetes.io/", StringComparison.Ordinal));
        Assert.Empty(sandbox.Server.Cluster.StoppedKubelets);
    }
}

/// <summary>Removing a node deletes its pods; the admin endpoint does the same over HTTP.</summary>
public sealed class NodeRemovalTests(NodeRemovalFixture sandbox) : IClassFixture<NodeRemovalFixture>
{
    [Fact]
    public async Task Removing_a_node_garbage_collects_its_pods_and_its_lease()
    {
        var ns = await sandbox.CreateNamespaceAsync("removed");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("on-west").InRegions("west"), ns);
        await Pods.WaitAsync(sandbox.Client, ns, "on-west", Pods.IsReady, "runs on west-1");
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoordinationV1.ListNamespacedLeaseAsync("kube-node-lease")).Items.Any(l => l.Metadata.Name == "west-1"), "west-1 holds its lease");

        using var raw = new RawClient(sandbox.Server);
        using var removed = await raw.SendAsync(HttpMethod.Delete, "/sandbox/nodes/west-1", "", "application/json");

        Assert.Equal(System.Net.HttpStatusCode.OK, removed.StatusCode);
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0, "the node's pod is gone");
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoordinationV1.ListNamespacedLeaseAsync("kube-node-lease")).Items.All(l => l.Metadata.Name != "west-1"), "the node's lease is gone");
    }

    [Fact]
    public async Task The_node_admin_endpoint_stops_and_restarts_kubelets_and_refuses_unknown_nodes()
    {
        using var raw = new RawClient(sandbox.Server);

        using var stopped = await raw.SendAsync(HttpMethod.Put, "/sandbox/nodes/east-1", """{"ready": false}""", "application/json");
        var listed = await raw.GetJsonAsync("/sandbox/nodes");
        using var restarted = await raw.SendAsync(HttpMethod.Put, "/sandbox/nodes/east-1", """{"ready": true}""", "application/json");
        using var unknown = await raw.SendAsync(HttpMethod.Put, "/sandbox/nodes/nowhere", """{"ready": false}""", "application/json");
        using var malformed = await raw.SendAsync(HttpMethod.Put, "/sandbox/nodes/east-1", """{"ready": "no"}""", "application/json");

        Assert.Equal(System.Net.HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(["east-1"], listed["stoppedKubelets"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(System.Net.HttpStatusCode.OK, restarted.StatusCode);
        Assert.Empty(sandbox.Server.Cluster.StoppedKubelets);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}
