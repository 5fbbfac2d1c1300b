using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>Endpoints and EndpointSlices follow the pods a Service selects, with pod status driven through the API.</summary>
public sealed class ServiceEndpointsTests(WorkloadFixture sandbox) : IClassFixture<WorkloadFixture>
{
    private readonly Kubernetes _client = sandbox.Client;
    private readonly PodStatusDriver _kubelet = new(sandbox.Client);

    [Fact]
    public async Task Ready_pods_are_addresses_others_not_ready_addresses_with_the_named_target_port_resolved()
    {
        var ns = await sandbox.CreateNamespaceAsync("endpoints");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 2;
        deployment.Spec.Template.Spec.Containers[0].Ports[0].Name = "http";
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await _client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["tier"] = "front" } },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = "web" },
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }],
            },
        }, ns);
        var pods = await Eventually.ReturnsAsync(() => _client.CoreV1.ListNamespacedPodAsync(ns), l => l.Items.Count == 2, "two pods exist");
        var (ready, starting) = (pods.Items[0], pods.Items[1]);
        await _kubelet.SetAsync(ready, "Running", ready: true);
        await _kubelet.SetAsync(starting, "Running", ready: false);
        var readyIp = (await _client.CoreV1.ReadNamespacedPodAsync(ready.Metadata.Name, ns)).Status.PodIP;
        var startingIp = (await _client.CoreV1.ReadNamespacedPodAsync(starting.Metadata.Name, ns)).Status.PodIP;

        var endpoints = await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedEndpointsAsync("web", ns),
            e => e.Subsets?.Count == 1 && e.Subsets[0].Addresses?.Count == 1 && e.Subsets[0].NotReadyAddresses?.Count == 1, "one ready and one not-ready address");
        var subset = endpoints.Subsets.Single();
        Assert.Equal(readyIp, subset.Addresses.Single().Ip);
        Assert.Equal(("Pod", ready.Metadata.Name, ready.Metadata.Uid), (subset.Addresses[0].TargetRef.Kind, subset.Addresses[0].TargetRef.Name, subset.Addresses[0].TargetRef.Uid));
        Assert.Equal(startingIp, subset.NotReadyAddresses.Single().Ip);
        Assert.Equal(("http", 8080, "TCP"), (subset.Ports.Single().Name, subset.Ports[0].Port, subset.Ports[0].Protocol));
        Assert.Equal("front", endpoints.Metadata.Labels["tier"]);

        var slice = Assert.Single((await _client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=web")).Items);
        Assert.Equal(("IPv4", "endpointslice-controller.k8s.io"), (slice.AddressType, slice.Metadata.Labels["endpointslice.kubernetes.io/managed-by"]));
        Assert.Equal("Service", slice.Metadata.OwnerReferences.Single().Kind);
        Assert.Equal(("http", 8080), (slice.Ports.Single().Name, slice.Ports[0].Port));
        Assert.Equal(
            [(readyIp, true), (startingIp, false)],
            slice.Endpoints.Select(e => (e.Addresses.Single(), e.Conditions.Ready!.Value)).OrderByDescending(e => e.Item2));

        await _kubelet.SetAsync(await _client.CoreV1.ReadNamespacedPodAsync(starting.Metadata.Name, ns), "Running", ready: true);
        var both = await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedEndpointsAsync("web", ns),
            e => e.Subsets?.Single().Addresses?.Count == 2 && e.Subsets[0].NotReadyAddresses is null, "both pods are ready addresses");
        Assert.Equal(new[] { readyIp, startingIp }.Order(StringComparer.Ordinal), both.Subsets[0].Addresses.Select(a => a.Ip));
        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "endpoints", "web", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "ENDPOINTS", "AGE"], rows[0]);
        Assert.Equal(string.Join(",", new[] { readyIp, startingIp }.Order(StringComparer.Ordinal).Select(ip => ip + ":8080")), rows[1][1]);

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", ns);
        await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedEndpointsAsync("web", ns), e => e.Subsets is null, "the endpoints empty out with the pods");
    }

    [Fact]
    public async Task A_disruption_budget_counts_healthy_pods_against_its_minimum_or_maximum()
    {
        var ns = await sandbox.CreateNamespaceAsync("pdb");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 3;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await Eventually.TrueAsync(async () =>
        {
            await _kubelet.ReadyAllAsync(ns);
            return (await _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Status?.AvailableReplicas == 3;
        }, "three pods are ready");

        await _client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(Budget("min-two", minAvailable: 2), ns);
        await _client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(Budget("half-may-go", maxUnavailable: "50%"), ns);
        await _client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(Budget("all", minAvailable: "100%"), ns);

        var minTwo = await StatusAsync(ns, "min-two");
        Assert.Equal((3, 2, 3, 1), (minTwo.CurrentHealthy, minTwo.DesiredHealthy, minTwo.ExpectedPods, minTwo.DisruptionsAllowed));
        Assert.Equal(1, minTwo.ObservedGeneration);
        var allowed = minTwo.Conditions.Single();
        Assert.Equal(("DisruptionAllowed", "True", "SufficientPods", 1L), (allowed.Type, allowed.Status, allowed.Reason, allowed.ObservedGeneration!.Value));
        var half = await StatusAsync(ns, "half-may-go");
        Assert.Equal((3, 1, 3, 2), (half.CurrentHealthy, half.DesiredHealthy, half.ExpectedPods, half.DisruptionsAllowed));
        var all = await StatusAsync(ns, "all");
        Assert.Equal((3, 3, 0), (all.CurrentHealthy, all.DesiredHealthy, all.DisruptionsAllowed));
        Assert.Equal(("False", "InsufficientPods"), (all.Conditions.Single().Status, all.Conditions.Single().Reason));

        var pod = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items[0];
        await _kubelet.SetAsync(pod, "Running", ready: false);
        var degraded = await Eventually.ReturnsAsync(() => _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("min-two", ns),
            b => b.Status?.CurrentHealthy == 2, "the budget sees one pod unready");
        Assert.Equal((0, "InsufficientPods"), (degraded.Status.DisruptionsAllowed, degraded.Status.Conditions.Single().Reason));
        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "pdb", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "MIN", "AVAILABLE", "MAX", "UNAVAILABLE", "ALLOWED", "DISRUPTIONS", "AGE"], rows[0]);
        Assert.Equal(["half-may-go", "N/A", "50%", "1"], rows.Single(r => r[0] == "half-may-go")[..4]);
    }

    [Fact]
    public async Task A_disruption_budget_follows_pods_the_controllers_create_and_delete()
    {
        var ns = await sandbox.CreateNamespaceAsync("pdb-scale");
        await _client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(Budget("web", minAvailable: 1), ns);
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 3;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        // No node runs these pods: nothing but the ReplicaSet controller touches them, yet the budget counts them.
        await Eventually.ReturnsAsync(() => _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web", ns), b => b.Status?.ExpectedPods == 3, "the budget expects three pods");
        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":1}}""", V1Patch.PatchType.MergePatch), "web", ns);
        var scaled = await Eventually.ReturnsAsync(() => _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web", ns), b => b.Status?.ExpectedPods == 1, "the budget expects one pod");
        Assert.Equal((0, 1, 0), (scaled.Status.CurrentHealthy, scaled.Status.DesiredHealthy, scaled.Status.DisruptionsAllowed));
    }

    [Fact]
    public async Task A_pending_claim_is_bound_with_the_capacity_it_asked_for()
    {
        var ns = await sandbox.CreateNamespaceAsync("pvc");
        await _client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "weights" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("200Gi") } },
            },
        }, ns);

        var claim = await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("weights", ns), c => c.Status?.Phase == "Bound", "the claim is bound");

        Assert.Equal("200Gi", claim.Status.Capacity["storage"].ToString());
        Assert.Equal(["ReadWriteOnce"], claim.Status.AccessModes);
        Assert.Equal("pvc-" + claim.Metadata.Uid, claim.Spec.VolumeName);
        var row = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "pvc", "weights", "-n", ns)).Succeeded())[1];
        Assert.Equal(["weights", "Bound", "pvc-" + claim.Metadata.Uid, "200Gi", "RWO"], row[..5]);
    }

    private static V1PodDisruptionBudget Budget(string name, IntOrString? minAvailable = null, IntOrString? maxUnavailable = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = minAvailable,
            MaxUnavailable = maxUnavailable,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
        },
    };

    private async Task<V1PodDisruptionBudgetStatus> StatusAsync(string ns, string name) =>
        (await Eventually.ReturnsAsync(() => _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync(name, ns), b => b.Status?.ObservedGeneration == 1, $"budget {name} has a status")).Status;
}
