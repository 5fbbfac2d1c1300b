using k8s;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>What kubectl shows of the simulated cluster: nodes, pods with their node and IP, and a pod's events in describe.</summary>
public sealed class KubectlClusterTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Get_nodes_shows_every_node_ready_with_the_kubelet_version()
    {
        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "nodes")).Succeeded());

        Assert.Equal(["NAME", "STATUS", "ROLES", "AGE", "VERSION"], rows[0]);
        Assert.Equal(["cpu-1", "cpu-2", "sa-gpu-1", "th-gpu-1", "th-gpu-2", "th-mig-1"], rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal(["Ready", "<none>"], r[1..3]));
        Assert.All(rows.Skip(1), r => Assert.Equal("v1.34.5", r[4]));
    }

    [Fact]
    public async Task Get_pods_wide_shows_the_node_and_ip_and_describe_lists_the_scheduling_events()
    {
        var ns = await sandbox.CreateNamespaceAsync("kwide");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("web").InRegions("sa-central"), ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("nowhere").InRegions("eu-west"), ns);
        var web = await Pods.WaitAsync(sandbox.Client, ns, "web", Pods.IsReady, "becomes Ready");
        await Pods.WaitAsync(sandbox.Client, ns, "nowhere", p => Pods.Condition(p, "PodScheduled")?.Status == "False", "is reported unschedulable");

        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "pods", "-n", ns, "-o", "wide")).Succeeded());
        var describe = (await sandbox.KubectlAsync("describe", "pod", "web", "-n", ns)).Succeeded();
        var pending = (await sandbox.KubectlAsync("describe", "pod", "nowhere", "-n", ns)).Succeeded();

        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED", "NODE", "READINESS", "GATES"], rows[0]);
        Assert.Equal(["nowhere", "0/1", "Pending", "0"], rows[1][..4]);
        Assert.Equal(["<none>", "<none>", "<none>", "<none>"], rows[1][5..]);
        Assert.Equal(["web", "1/1", "Running", "0"], rows[2][..4]);
        Assert.Equal([web.Status.PodIP, "sa-gpu-1", "<none>", "<none>"], rows[2][5..]);
        Assert.Matches($@"Node:\s+sa-gpu-1/{web.Status.HostIP}", describe);
        Assert.Matches(@"Status:\s+Running", describe);
        Assert.Matches(@"Tolerations:\s+node.kubernetes.io/not-ready:NoExecute op=Exists for 300s", describe);
        Assert.Matches($@"Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned {ns}/web to sa-gpu-1", describe);
        Assert.Matches(@"Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0/6 nodes are available: 2 node\(s\) had untolerated taint\(s\), 4 node\(s\) didn't match Pod's node affinity/selector\.", pending);
    }
}
