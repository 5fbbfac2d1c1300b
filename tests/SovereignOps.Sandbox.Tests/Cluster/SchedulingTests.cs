using k8s;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>Pods created through KubernetesClient are scheduled on the six simulated nodes as kube-scheduler would place them.</summary>
public sealed class SchedulingTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private const string Gpu = "nvidia.com/gpu";
    private static readonly string[] DedicatedGpuNodes = ["th-gpu-1", "th-gpu-2"];

    [Fact]
    public async Task A_gpu_pod_lands_on_a_node_of_its_region_with_free_gpus_and_becomes_ready()
    {
        var ns = await sandbox.CreateNamespaceAsync("gpu");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("llm", limits: new() { [Gpu] = "4" }).InRegions("th-central").TolerateDedicated(), ns);

        var pod = await Pods.WaitAsync(sandbox.Client, ns, "llm", Pods.IsReady, "becomes Ready");

        Assert.Contains(pod.Spec.NodeName, DedicatedGpuNodes);
        Assert.Equal("Running", pod.Status.Phase);
        Assert.Equal("4", pod.Spec.Containers[0].Resources.Requests[Gpu].ToString());
        Assert.StartsWith("10.", pod.Status.PodIP, StringComparison.Ordinal);
        Assert.NotNull(pod.Status.HostIP);
        Assert.NotNull(pod.Status.StartTime);
        Assert.Equal("BestEffort", pod.Status.QosClass); // QoS looks at cpu and memory only
        Assert.True(pod.Status.ContainerStatuses.Single().Ready);
        Assert.NotNull(pod.Status.ContainerStatuses.Single().State.Running);
        Assert.Equal(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"], pod.Status.Conditions.Select(c => c.Type));
        var scheduled = Assert.Single(await Pods.EventsAsync(sandbox.Client, pod), e => e.Reason == "Scheduled");
        Assert.Equal($"Successfully assigned {ns}/llm to {pod.Spec.NodeName}", scheduled.Message);
        Assert.Equal("default-scheduler", scheduled.Source.Component);
    }

    [Fact]
    public async Task An_oversized_gpu_pod_stays_pending_with_the_schedulers_message_and_one_counted_event()
    {
        var ns = await sandbox.CreateNamespaceAsync("oversized");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("huge", limits: new() { [Gpu] = "16" }).InRegions("th-central").TolerateDedicated(), ns);

        var pod = await Pods.WaitAsync(sandbox.Client, ns, "huge", p => Pods.Condition(p, "PodScheduled")?.Status == "False", "is reported unschedulable");

        const string expected = "0/6 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 4 Insufficient nvidia.com/gpu. "
            + "no new claims to deallocate, preemption: 0/6 nodes are available: 2 Preemption is not helpful for scheduling, 4 No preemption victims found for incoming pod.";
        var condition = Pods.Condition(pod, "PodScheduled")!;
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal(expected, condition.Message);
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Null(pod.Spec.NodeName);
        var failed = Assert.Single(await Pods.EventsAsync(sandbox.Client, pod), e => e.Reason == "FailedScheduling");
        Assert.Equal("Warning", failed.Type);
        Assert.Equal(expected, failed.Message);
    }

    [Fact]
    public async Task Dedicated_nodes_take_only_pods_that_tolerate_their_taint()
    {
        var ns = await sandbox.CreateNamespaceAsync("taints");
        var pinned = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "th-gpu-1" };
        var intolerant = Pods.Make("intolerant");
        intolerant.Spec.NodeSelector = pinned;
        var tolerant = Pods.Make("tolerant").TolerateDedicated();
        tolerant.Spec.NodeSelector = pinned;
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(intolerant, ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(tolerant, ns);

        // TaintToleration runs before NodeAffinity, so the other dedicated node is counted for its taint.
        var placed = await Pods.WaitAsync(sandbox.Client, ns, "tolerant", p => p.Spec.NodeName is not null, "is bound");
        var refused = await Pods.WaitAsync(sandbox.Client, ns, "intolerant", p => Pods.Condition(p, "PodScheduled")?.Status == "False", "is reported unschedulable");

        Assert.Equal("th-gpu-1", placed.Spec.NodeName);
        Assert.StartsWith("0/6 nodes are available: 2 node(s) had untolerated taint(s), 4 node(s) didn't match Pod's node affinity/selector.", Pods.Condition(refused, "PodScheduled")!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mig_slice_request_goes_to_the_node_that_advertises_the_slices()
    {
        var ns = await sandbox.CreateNamespaceAsync("mig");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("slice", limits: new() { ["nvidia.com/mig-3g.40gb"] = "2" }), ns);

        var pod = await Pods.WaitAsync(sandbox.Client, ns, "slice", p => p.Spec.NodeName is not null, "is bound");

        Assert.Equal("th-mig-1", pod.Spec.NodeName);
    }

    [Fact]
    public async Task Preferred_affinity_picks_among_nodes_that_fit()
    {
        var ns = await sandbox.CreateNamespaceAsync("prefer");
        var pod = Pods.Make("prefers-sa");
        pod.Spec.Affinity = new k8s.Models.V1Affinity
        {
            NodeAffinity = new k8s.Models.V1NodeAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new k8s.Models.V1PreferredSchedulingTerm
                    {
                        Weight = 40,
                        Preference = new k8s.Models.V1NodeSelectorTerm { MatchExpressions = [new k8s.Models.V1NodeSelectorRequirement { Key = SimulatedNodes.RegionLabel, OperatorProperty = "In", Values = ["sa-central"] }] },
                    },
                ],
            },
        };
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(pod, ns);

        var bound = await Pods.WaitAsync(sandbox.Client, ns, "prefers-sa", p => p.Spec.NodeName is not null, "is bound");

        Assert.Equal("sa-gpu-1", bound.Spec.NodeName);
    }

    [Fact]
    public async Task The_start_delay_annotation_holds_a_pod_running_but_not_ready()
    {
        var ns = await sandbox.CreateNamespaceAsync("delay");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("slow").Annotate("sandbox.sovereignops.io/start-delay", "1m30s"), ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("quick"), ns);

        await Pods.WaitAsync(sandbox.Client, ns, "quick", Pods.IsReady, "becomes Ready");
        var slow = await Pods.WaitAsync(sandbox.Client, ns, "slow", p => p.Status.Phase == "Running", "runs");

        Assert.Equal("False", Pods.Condition(slow, "Ready")!.Status);
        Assert.Equal("ContainersNotReady", Pods.Condition(slow, "Ready")!.Reason);
        Assert.False(slow.Status.ContainerStatuses.Single().Ready);
        Assert.Equal("BestEffort", slow.Status.QosClass);
    }

    [Fact]
    public async Task Run_to_completion_pods_succeed_or_fail_with_their_exit_code()
    {
        var ns = await sandbox.CreateNamespaceAsync("jobs");
        var ok = Pods.Make("ok");
        ok.Spec.RestartPolicy = "Never";
        var broken = Pods.Make("broken").Annotate("sandbox.sovereignops.io/exit-code", "3");
        broken.Spec.RestartPolicy = "OnFailure";
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(ok, ns);
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(broken, ns);

        var succeeded = await Pods.WaitAsync(sandbox.Client, ns, "ok", p => p.Status.Phase == "Succeeded", "succeeds");
        var failed = await Pods.WaitAsync(sandbox.Client, ns, "broken", p => p.Status.Phase == "Failed", "fails");

        Assert.Equal(0, succeeded.Status.ContainerStatuses.Single().State.Terminated.ExitCode);
        Assert.Equal("Completed", succeeded.Status.ContainerStatuses.Single().State.Terminated.Reason);
        Assert.Equal(3, failed.Status.ContainerStatuses.Single().State.Terminated.ExitCode);
        var table = (await sandbox.KubectlAsync("get", "pods", "-n", ns)).StandardOutput;
        Assert.Contains("Completed", table, StringComparison.Ordinal);
        Assert.Contains("Error", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_running_pod_terminates_it_and_the_kubelet_removes_it()
    {
        var ns = await sandbox.CreateNamespaceAsync("delete");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(Pods.Make("doomed"), ns);
        await Pods.WaitAsync(sandbox.Client, ns, "doomed", Pods.IsReady, "becomes Ready");

        var marked = await sandbox.Client.CoreV1.DeleteNamespacedPodAsync("doomed", ns);

        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.Equal(30, marked.Metadata.DeletionGracePeriodSeconds);
        await Eventually.TrueAsync(async () => (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0, "the pod is gone");
    }

    [Fact]
    public async Task A_pod_for_another_scheduler_is_left_alone_until_bound_through_the_binding_subresource()
    {
        var ns = await sandbox.CreateNamespaceAsync("binding");
        var pod = Pods.Make("custom");
        pod.Spec.SchedulerName = "gpu-scheduler";
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(pod, ns);

        await sandbox.Client.CoreV1.CreateNamespacedPodBindingAsync(new k8s.Models.V1Binding
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "custom" },
            Target = new k8s.Models.V1ObjectReference { Kind = "Node", Name = "cpu-2" },
        }, "custom", ns);
        var bound = await Pods.WaitAsync(sandbox.Client, ns, "custom", Pods.IsReady, "becomes Ready on cpu-2");
        var again = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => sandbox.Client.CoreV1.CreateNamespacedPodBindingAsync(new k8s.Models.V1Binding
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "custom" },
            Target = new k8s.Models.V1ObjectReference { Kind = "Node", Name = "cpu-1" },
        }, "custom", ns));

        Assert.Equal("cpu-2", bound.Spec.NodeName);
        Assert.DoesNotContain(await Pods.EventsAsync(sandbox.Client, bound), e => e.Reason == "Scheduled");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.Response.StatusCode);
    }
}
