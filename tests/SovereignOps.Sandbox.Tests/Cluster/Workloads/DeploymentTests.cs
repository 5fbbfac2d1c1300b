using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

public sealed class DeploymentTests(WorkloadFixture sandbox) : IClassFixture<WorkloadFixture>
{
    private readonly Kubernetes _client = sandbox.Client;
    private readonly PodStatusDriver _kubelet = new(sandbox.Client);

    [Fact]
    public async Task A_deployment_makes_a_replicaset_and_pods_it_controls_and_reports_them_available()
    {
        var ns = await sandbox.CreateNamespaceAsync("deploy");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 3;
        var created = await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        var available = await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 3 && Progressing(d)?.Reason == "NewReplicaSetAvailable");

        var rs = Assert.Single((await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
        var hash = rs.Metadata.Labels["pod-template-hash"];
        Assert.Equal($"web-{hash}", rs.Metadata.Name);
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{6,10}$", hash);
        var owner = Assert.Single(rs.Metadata.OwnerReferences);
        Assert.Equal(("Deployment", "web", created.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]);
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal((3, 3, 3), (rs.Status.Replicas, rs.Status.ReadyReplicas, rs.Status.AvailableReplicas));

        var pods = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p =>
        {
            Assert.StartsWith(rs.Metadata.Name + "-", p.Metadata.Name, StringComparison.Ordinal);
            Assert.Equal(rs.Metadata.Name.Length + 6, p.Metadata.Name.Length);
            Assert.Equal(hash, p.Metadata.Labels["pod-template-hash"]);
            Assert.Equal(rs.Metadata.Uid, Assert.Single(p.Metadata.OwnerReferences).Uid);
            Assert.Null(p.Spec.NodeName);
        });

        Assert.Equal("1", available.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal((1L, 3, 3, 3, 3), (available.Status.ObservedGeneration!.Value, available.Status.Replicas!.Value, available.Status.UpdatedReplicas!.Value,
            available.Status.ReadyReplicas!.Value, available.Status.AvailableReplicas!.Value));
        Assert.Null(available.Status.UnavailableReplicas);
        var conditions = available.Status.Conditions.Select(c => (c.Type, c.Status, c.Reason, c.Message)).ToList();
        Assert.Equal(
            [("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."),
             ("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rs.Metadata.Name}\" has successfully progressed.")],
            conditions);
    }

    [Fact]
    public async Task Scaling_with_kubectl_changes_the_pods()
    {
        var ns = await sandbox.CreateNamespaceAsync("scale");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 1);

        (await sandbox.KubectlAsync("scale", "-n", ns, "deployment/web", "--replicas=4")).Succeeded();
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 4 && d.Status.Replicas == 4);
        var rs = Assert.Single((await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);

        (await sandbox.KubectlAsync("scale", "-n", ns, "deployment/web", "--replicas=2")).Succeeded();
        await WaitForAsync(ns, "web", d => d.Status?.Replicas == 2 && d.Status.AvailableReplicas == 2);
        Assert.Equal(2, (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count);
    }

    [Fact]
    public async Task A_rolling_update_replaces_the_pods_and_kubectl_rollout_status_sees_it_finish()
    {
        var ns = await sandbox.CreateNamespaceAsync("rollout");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 3;
        deployment.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "1", MaxUnavailable = "0" },
        };
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 3);
        var first = Assert.Single((await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);

        (await sandbox.KubectlAsync("set", "image", "-n", ns, "deployment/web", "web=registry.example/web:2")).Succeeded();
        // The status must be the one written for the new template (observedGeneration caught up): the
        // status from before the change reads the same, and the pods are made ready only while waiting here.
        var done = await WaitForAsync(ns, "web", d => d.Metadata.Generation >= 2 && d.Status?.ObservedGeneration >= d.Metadata.Generation
            && d.Status.UpdatedReplicas == 3 && d.Status.Replicas == 3 && d.Status.AvailableReplicas == 3
            && Progressing(d)?.Reason == "NewReplicaSetAvailable");

        // kubectl judges the finished rollout from the status the controller wrote.
        var rollout = await sandbox.KubectlAsync("rollout", "status", "-n", ns, "deployment/web", "--timeout=30s");
        Assert.Contains("successfully rolled out", rollout.Succeeded(), StringComparison.Ordinal);
        Assert.Equal("2", done.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var sets = (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        Assert.Equal(2, sets.Count);
        var old = sets.Single(s => s.Metadata.Uid == first.Metadata.Uid);
        Assert.Equal(0, old.Spec.Replicas);
        Assert.Equal("2", sets.Single(s => s.Metadata.Uid != first.Metadata.Uid).Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.All((await _client.CoreV1.ListNamespacedPodAsync(ns)).Items, p => Assert.Equal("registry.example/web:2", p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task Recreate_removes_every_old_pod_before_the_new_ones_start()
    {
        var ns = await sandbox.CreateNamespaceAsync("recreate");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 2;
        deployment.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 2);

        (await sandbox.KubectlAsync("set", "image", "-n", ns, "deployment/web", "web=registry.example/web:2")).Succeeded();
        var sawMixed = false;
        await Eventually.TrueAsync(async () =>
        {
            var images = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(p => p.Spec.Containers[0].Image).Distinct().ToList();
            sawMixed |= images.Count > 1;
            await _kubelet.ReadyAllAsync(ns);
            var d = await _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            return d.Status?.UpdatedReplicas == 2 && d.Status.AvailableReplicas == 2 && d.Status.Replicas == 2;
        }, "the recreated pods are available", TimeSpan.FromSeconds(30));
        Assert.False(sawMixed, "old and new pods ran at the same time");
    }

    [Fact]
    public async Task Old_replicasets_beyond_the_history_limit_are_deleted()
    {
        var ns = await sandbox.CreateNamespaceAsync("history");
        var deployment = Deployments.Web("web");
        deployment.Spec.RevisionHistoryLimit = 1;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        foreach (var version in new[] { "2", "3", "4" })
        {
            await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 1 && d.Status.UpdatedReplicas == 1 && d.Status.Replicas == 1);
            (await sandbox.KubectlAsync("set", "image", "-n", ns, "deployment/web", $"web=registry.example/web:{version}")).Succeeded();
        }

        await WaitForAsync(ns, "web", d => Progressing(d)?.Reason == "NewReplicaSetAvailable" && d.Metadata.Annotations["deployment.kubernetes.io/revision"] == "4");
        await Eventually.TrueAsync(async () => (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 2, "only the current and one old ReplicaSet remain");
        var revisions = (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Select(r => r.Metadata.Annotations["deployment.kubernetes.io/revision"]).Order().ToList();
        Assert.Equal(["3", "4"], revisions);
    }

    [Fact]
    public async Task A_paused_deployment_does_not_roll_out_until_resumed()
    {
        var ns = await sandbox.CreateNamespaceAsync("paused");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 1);

        (await sandbox.KubectlAsync("rollout", "pause", "-n", ns, "deployment/web")).Succeeded();
        (await sandbox.KubectlAsync("set", "image", "-n", ns, "deployment/web", "web=registry.example/web:2")).Succeeded();
        var paused = await WaitForAsync(ns, "web", d => Progressing(d)?.Reason == "DeploymentPaused" && d.Status.ObservedGeneration == d.Metadata.Generation);
        Assert.Equal(("Unknown", "Deployment is paused"), (Progressing(paused)!.Status, Progressing(paused)!.Message));
        Assert.Single((await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);

        (await sandbox.KubectlAsync("rollout", "resume", "-n", ns, "deployment/web")).Succeeded();
        await WaitForAsync(ns, "web", d => d.Status?.UpdatedReplicas == 1 && d.Status.Replicas == 1 && Progressing(d)?.Reason == "NewReplicaSetAvailable");
        Assert.Equal(2, (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count);
    }

    [Fact]
    public async Task Deleting_a_deployment_collects_its_replicasets_and_pods()
    {
        var ns = await sandbox.CreateNamespaceAsync("collect");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 2;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 2);

        (await sandbox.KubectlAsync("delete", "-n", ns, "deployment/web")).Succeeded();
        await Eventually.TrueAsync(async () =>
            (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 0 && (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0,
            "the ReplicaSet and its pods are gone");
    }

    [Fact]
    public async Task Settled_workloads_cause_no_writes()
    {
        var ns = await sandbox.CreateNamespaceAsync("quiet");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 3;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await _client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new V1ServicePort { Port = 80, TargetPort = 8080 }] },
        }, ns);
        await _client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } } },
        }, ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 3 && Progressing(d)?.Reason == "NewReplicaSetAvailable");
        await Eventually.TrueAsync(async () => (await _client.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web", ns)).Status?.DisruptionsAllowed == 2, "the budget counts the pods");

        // Quiet: a whole second passes without any change to what the controllers write in the namespace.
        var window = await Eventually.ReturnsAsync(async () =>
        {
            using var feed = sandbox.Server.Store.SubscribeAll();
            await Task.Delay(1000);
            var changes = new List<string>();
            while (feed.Events.TryRead(out var e))
            {
                if (e.Object.Namespace == ns && (e.Object.Resource.Resource != "pods" || e.Type != StoreEventType.Modified))
                {
                    changes.Add($"{e.Type} {e.Object.Resource.Resource}/{e.Object.Name}");
                }
            }

            return changes;
        }, changes => changes.Count == 0, "the controllers stop writing");
        Assert.Empty(window);
    }

    [Fact]
    public async Task Kubectl_get_prints_deployment_and_replicaset_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync("print");
        var deployment = Deployments.Web("web");
        deployment.Spec.Replicas = 2;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await WaitForAsync(ns, "web", d => d.Status?.AvailableReplicas == 2);

        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "deploy,rs", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], rows[0]);
        Assert.Equal(["deployment.apps/web", "2/2", "2", "2"], rows[1][..4]);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "READY", "AGE"], rows.Single(r => r[0] == "NAME" && r[1] == "DESIRED"));
        Assert.Contains(rows, r => r[0].StartsWith("replicaset.apps/web-", StringComparison.Ordinal) && r.Skip(1).Take(3).SequenceEqual(["2", "2", "2"]));
    }

    [Fact]
    public async Task Zero_surge_with_zero_unavailability_is_refused()
    {
        var ns = await sandbox.CreateNamespaceAsync("invalid");
        var deployment = Deployments.Web("web");
        deployment.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 0, MaxUnavailable = "0%" },
        };

        var refused = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        var message = System.Text.Json.Nodes.JsonNode.Parse(refused.Response.Content)!["message"]!.GetValue<string>();
        Assert.Equal("Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0", message);
    }

    private async Task<V1Deployment> WaitForAsync(string ns, string name, Func<V1Deployment, bool> done) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                await _kubelet.ReadyAllAsync(ns);
                return await _client.AppsV1.ReadNamespacedDeploymentAsync(name, ns);
            },
            done,
            $"deployment {name} reaches the expected status",
            TimeSpan.FromSeconds(30));

    private static V1DeploymentCondition? Progressing(V1Deployment d) => d.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
}
