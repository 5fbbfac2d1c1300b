using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>StatefulSets on the simulated cluster: ordered start, stable identities and claims, partitioned rolling updates.</summary>
public sealed class StatefulSetTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task Ordered_pods_start_one_after_the_other_with_stable_names_hostnames_and_bound_claims()
    {
        var ns = await sandbox.CreateNamespaceAsync("sts");
        using var feed = sandbox.Server.Store.SubscribeAll();
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(Set("db", 3, "OrderedReady"), ns);

        var set = await WaitForAsync(ns, "db", s => s.Status?.ReadyReplicas == 3 && s.Status.AvailableReplicas == 3);

        // Every pod was created only once the one before it was Ready.
        var ready = new HashSet<string>(StringComparer.Ordinal);
        while (feed.Events.TryRead(out var e))
        {
            if (e.Object.Resource.Resource != "pods" || e.Object.Namespace != ns)
            {
                continue;
            }

            var pod = e.Object.ToJsonObject();
            var ordinal = int.Parse(e.Object.Name["db-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (e.Type == StoreEventType.Added && ordinal > 0)
            {
                Assert.Contains($"db-{ordinal - 1}", ready);
            }

            if (IsReady(pod))
            {
                ready.Add(e.Object.Name);
            }
        }

        Assert.Equal(3, ready.Count);
        Assert.Equal((3, 3, 3), (set.Status.Replicas, set.Status.CurrentReplicas, set.Status.UpdatedReplicas));
        Assert.Equal(set.Status.CurrentRevision, set.Status.UpdateRevision);
        Assert.StartsWith("db-", set.Status.UpdateRevision, StringComparison.Ordinal);
        var pods = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.OrderBy(p => p.Metadata.Name).ToList();
        Assert.Equal(["db-0", "db-1", "db-2"], pods.Select(p => p.Metadata.Name));
        Assert.All(pods, p =>
        {
            Assert.Equal((p.Metadata.Name, "db"), (p.Spec.Hostname, p.Spec.Subdomain));
            Assert.Equal(set.Status.UpdateRevision, p.Metadata.Labels["controller-revision-hash"]);
            Assert.Equal(p.Metadata.Name, p.Metadata.Labels["statefulset.kubernetes.io/pod-name"]);
            Assert.Equal($"data-{p.Metadata.Name}", p.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName);
        });
        var claims = await Eventually.ReturnsAsync(() => _client.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns),
            l => l.Items.Count == 3 && l.Items.All(c => c.Status?.Phase == "Bound"), "the claims are bound");
        Assert.Equal(["data-db-0", "data-db-1", "data-db-2"], claims.Items.Select(c => c.Metadata.Name).Order());
        Assert.All(claims.Items, c => Assert.Equal(("1Gi", "db"), (c.Status.Capacity["storage"].ToString(), c.Metadata.Labels["app"])));
        var revisions = await _client.AppsV1.ListNamespacedControllerRevisionAsync(ns);
        Assert.Equal(set.Status.UpdateRevision, Assert.Single(revisions.Items).Metadata.Name);
        Assert.Contains("partitioned roll out complete", (await sandbox.KubectlAsync("rollout", "status", "-n", ns, "sts/db", "--timeout=20s")).Succeeded(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rolling_update_goes_from_the_highest_ordinal_down_to_the_partition()
    {
        var ns = await sandbox.CreateNamespaceAsync("sts-update");
        var body = Set("web", 3, "Parallel");
        body.Spec.UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateStatefulSetStrategy { Partition = 1 } };
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(body, ns);
        var before = await WaitForAsync(ns, "web", s => s.Status?.ReadyReplicas == 3);

        using var feed = sandbox.Server.Store.SubscribeAll();
        (await sandbox.KubectlAsync("set", "image", "-n", ns, "sts/web", "main=registry.example/db:2")).Succeeded();
        var after = await WaitForAsync(ns, "web", s => s.Status?.UpdatedReplicas == 2 && s.Status.ReadyReplicas == 3 && s.Status.CurrentReplicas == 1);

        Assert.NotEqual(before.Status.UpdateRevision, after.Status.UpdateRevision);
        Assert.Equal(before.Status.CurrentRevision, after.Status.CurrentRevision);
        var images = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.ToDictionary(p => p.Metadata.Name, p => p.Spec.Containers[0].Image);
        Assert.Equal("registry.example/db:1", images["web-0"]);
        Assert.Equal("registry.example/db:2", images["web-1"]);
        Assert.Equal("registry.example/db:2", images["web-2"]);
        var deletions = new List<string>();
        while (feed.Events.TryRead(out var e))
        {
            if (e.Object.Resource.Resource == "pods" && e.Object.Namespace == ns && e.Type == StoreEventType.Deleted)
            {
                deletions.Add(e.Object.Name);
            }
        }

        Assert.Equal(["web-2", "web-1"], deletions);
        var output = (await sandbox.KubectlAsync("rollout", "status", "-n", ns, "sts/web", "--timeout=20s")).Succeeded();
        Assert.Contains("partitioned roll out complete: 2 new pods have been updated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_pods_start_together_and_scale_down_removes_the_highest_ordinals()
    {
        var ns = await sandbox.CreateNamespaceAsync("sts-parallel");
        var body = Set("cache", 3, "Parallel");
        body.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["sandbox.sovereignops.io/start-delay"] = "1s" };
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(body, ns);

        var together = await Eventually.ReturnsAsync(() => _client.CoreV1.ListNamespacedPodAsync(ns), l => l.Items.Count == 3, "all three pods exist");
        Assert.Contains(together.Items, p => !Pods.IsReady(p));
        await WaitForAsync(ns, "cache", s => s.Status?.ReadyReplicas == 3);

        await _client.AppsV1.PatchNamespacedStatefulSetScaleAsync(new V1Patch("""{"spec":{"replicas":1}}""", V1Patch.PatchType.MergePatch), "cache", ns);
        await WaitForAsync(ns, "cache", s => s.Status?.Replicas == 1 && s.Status.ReadyReplicas == 1);
        Assert.Equal("cache-0", Assert.Single((await _client.CoreV1.ListNamespacedPodAsync(ns)).Items).Metadata.Name);
    }

    private static V1StatefulSet Set(string name, int replicas, string policy) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            ServiceName = name,
            PodManagementPolicy = policy,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "registry.example/db:1" }] },
            },
            VolumeClaimTemplates =
            [
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "data" },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
                    },
                },
            ],
        },
    };

    private static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    private Task<V1StatefulSet> WaitForAsync(string ns, string name, Func<V1StatefulSet, bool> done) =>
        Eventually.ReturnsAsync(() => _client.AppsV1.ReadNamespacedStatefulSetAsync(name, ns), done, $"statefulset {name} reaches the expected status", TimeSpan.FromSeconds(30));
}
