using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>Claim binding on the simulated cluster: immediate, or on the node of the first pod that uses the claim.</summary>
public sealed class ClaimBindingTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task A_wait_for_first_consumer_claim_binds_only_once_a_pod_using_it_is_scheduled()
    {
        var ns = await sandbox.CreateNamespaceAsync("wffc");
        await _client.StorageV1.CreateStorageClassAsync(new V1StorageClass
        {
            Metadata = new V1ObjectMeta { Name = ns + "-local" },
            Provisioner = "sandbox.sovereignops.io/local",
            VolumeBindingMode = "WaitForFirstConsumer",
        });
        await _client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(Claim("late", ns + "-local"), ns);
        await _client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(Claim("now", null), ns);

        // Claims are handled in the order they arrive: once the second is bound, the first was looked at and left waiting.
        await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("now", ns), c => c.Status?.Phase == "Bound", "the immediate claim is bound");
        var waiting = await _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("late", ns);
        Assert.NotEqual("Bound", waiting.Status?.Phase);
        Assert.Null(waiting.Spec.VolumeName);

        var pod = Pods.Make("consumer");
        pod.Spec.Volumes = [new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "late" } }];
        await _client.CoreV1.CreateNamespacedPodAsync(pod, ns);
        var scheduled = await Pods.WaitAsync(_client, ns, "consumer", p => p.Spec.NodeName is not null, "is scheduled");

        var bound = await Eventually.ReturnsAsync(() => _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("late", ns), c => c.Status?.Phase == "Bound", "the claim is bound");
        Assert.Equal(scheduled.Spec.NodeName, bound.Metadata.Annotations["volume.kubernetes.io/selected-node"]);
        Assert.Equal("5Gi", bound.Status.Capacity["storage"].ToString());
    }

    private static V1PersistentVolumeClaim Claim(string name, string? storageClass) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PersistentVolumeClaimSpec
        {
            StorageClassName = storageClass,
            AccessModes = ["ReadWriteOnce"],
            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("5Gi") } },
        },
    };
}
