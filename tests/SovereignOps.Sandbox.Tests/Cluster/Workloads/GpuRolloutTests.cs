using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>Rolling updates on a full GPU node, scheduled and run by the simulated cluster.</summary>
public sealed class GpuRolloutTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task A_surge_only_rollout_stalls_on_a_full_gpu_node_and_completes_once_one_pod_may_be_unavailable()
    {
        var ns = await sandbox.CreateNamespaceAsync("gpu-rollout");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(FourGpuModel(), ns);
        await WaitForAsync(ns, d => d.Status?.AvailableReplicas == 4 && Progressing(d)?.Reason == "NewReplicaSetAvailable", "all four replicas fill sa-gpu-1");

        (await sandbox.KubectlAsync("set", "image", "-n", ns, "deployment/model", "server=registry.example/model-server:2")).Succeeded();

        var stalled = await WaitForAsync(ns, d => Progressing(d)?.Reason == "ProgressDeadlineExceeded", "the rollout runs out of time");
        var newRs = (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Single(r => r.Metadata.Annotations["deployment.kubernetes.io/revision"] == "2");
        Assert.Equal(("False", $"ReplicaSet \"{newRs.Metadata.Name}\" has timed out progressing."), (Progressing(stalled)!.Status, Progressing(stalled)!.Message));
        Assert.Equal((5, 1, 4, 1), (stalled.Status.Replicas, stalled.Status.UpdatedReplicas, stalled.Status.AvailableReplicas, stalled.Status.UnavailableReplicas));
        var surge = Assert.Single((await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"pod-template-hash={newRs.Metadata.Labels["pod-template-hash"]}")).Items);
        Assert.Equal("Pending", surge.Status.Phase);
        Assert.Equal("Unschedulable", Pods.Condition(surge, "PodScheduled")?.Reason);
        var rolloutStatus = await sandbox.KubectlAsync("rollout", "status", "-n", ns, "deployment/model", "--timeout=20s");
        Assert.NotEqual(0, rolloutStatus.ExitCode);
        Assert.Contains("exceeded its progress deadline", rolloutStatus.StandardError, StringComparison.Ordinal);

        (await sandbox.KubectlAsync("patch", "-n", ns, "deployment/model", "-p", """{"spec":{"strategy":{"rollingUpdate":{"maxUnavailable":1}}}}""")).Succeeded();

        var done = await WaitForAsync(ns, d => d.Status?.UpdatedReplicas == 4 && d.Status.Replicas == 4 && d.Status.AvailableReplicas == 4
            && Progressing(d)?.Reason == "NewReplicaSetAvailable", "the rollout completes one GPU at a time");
        Assert.Equal(("True", $"ReplicaSet \"{newRs.Metadata.Name}\" has successfully progressed."), (Progressing(done)!.Status, Progressing(done)!.Message));
        var pods = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(4, pods.Count);
        Assert.All(pods, p => Assert.Equal(("registry.example/model-server:2", "sa-gpu-1"), (p.Spec.Containers[0].Image, p.Spec.NodeName)));
        Assert.Contains("successfully rolled out", (await sandbox.KubectlAsync("rollout", "status", "-n", ns, "deployment/model", "--timeout=20s")).Succeeded(), StringComparison.Ordinal);
    }

    /// <summary>Four replicas of one GPU each, pinned to sa-central whose only node has four GPUs; surge only.</summary>
    private static V1Deployment FourGpuModel()
    {
        var deployment = Deployments.Web("model", "registry.example/model-server:1");
        deployment.Spec.Replicas = 4;
        deployment.Spec.ProgressDeadlineSeconds = 2;
        deployment.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "1", MaxUnavailable = "0" },
        };
        var pod = deployment.Spec.Template;
        pod.Metadata.Annotations = new Dictionary<string, string> { ["sandbox.sovereignops.io/start-delay"] = "50ms" };
        pod.Spec.Containers[0].Name = "server";
        pod.Spec.Containers[0].Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new("1") } };
        pod.Spec.NodeSelector = new Dictionary<string, string> { [SimulatedNodes.RegionLabel] = "sa-central" };
        return deployment;
    }

    private Task<V1Deployment> WaitForAsync(string ns, Func<V1Deployment, bool> done, string what) =>
        Eventually.ReturnsAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("model", ns), done, what, TimeSpan.FromSeconds(30));

    private static V1DeploymentCondition? Progressing(V1Deployment d) => d.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
}
