using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Finalizers, propagation policies, garbage collection by owner references, namespace deletion.</summary>
public sealed class DeletionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task A_finalizer_keeps_the_object_until_it_is_removed_and_no_new_ones_may_be_added()
    {
        var ns = await sandbox.CreateNamespaceAsync("finalizers");
        var held = ObjectLifecycleTests.ConfigMap("held", "1");
        held.Metadata.Finalizers = ["example.com/cleanup"];
        await _client.CoreV1.CreateNamespacedConfigMapAsync(held, ns);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var deleting = await _client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);

        deleting.Metadata.Finalizers.Add("example.com/late");
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(deleting, "held", ns));
        Assert.Equal(422, (int)refused.Response.StatusCode);
        Assert.Contains("no new finalizers can be added", refused.Response.Content, StringComparison.Ordinal);

        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("held", ns));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Background_deletion_collects_dependents_whose_owner_is_gone()
    {
        var ns = await sandbox.CreateNamespaceAsync("background");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("owner", "1"), ns);
        await CreateDependentAsync(ns, "child", owner, blockOwnerDeletion: false);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background");

        await Eventually.TrueAsync(async () => !(await Names(ns)).Contains("child"), "the dependent is collected");
    }

    [Fact]
    public async Task Orphan_deletion_keeps_dependents_without_the_owner_reference()
    {
        var ns = await sandbox.CreateNamespaceAsync("orphan");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("owner", "1"), ns);
        await CreateDependentAsync(ns, "child", owner, blockOwnerDeletion: false);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan");

        await Eventually.TrueAsync(async () => !(await Names(ns)).Contains("owner"), "the owner is gone");
        var child = await _client.CoreV1.ReadNamespacedSecretAsync("child", ns);
        Assert.Null(child.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Foreground_deletion_removes_blocking_dependents_before_the_owner()
    {
        var ns = await sandbox.CreateNamespaceAsync("foreground");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("owner", "1"), ns);
        var child = await CreateDependentAsync(ns, "child", owner, blockOwnerDeletion: true, finalizer: "example.com/slow");

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground");

        var waiting = await Eventually.ReturnsAsync(
            () => _client.CoreV1.ReadNamespacedSecretAsync("child", ns),
            s => s.Metadata.DeletionTimestamp is not null,
            "the dependent is being deleted");
        var ownerNow = await _client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns);
        Assert.Contains("foregroundDeletion", ownerNow.Metadata.Finalizers);

        await _client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), waiting.Metadata.Name, ns);
        await Eventually.TrueAsync(async () => (await Names(ns)).Count == 0, "owner and dependent are gone");
        Assert.NotNull(child.Metadata.Uid);
    }

    [Fact]
    public async Task Dependents_of_objects_created_before_the_collector_started_are_kept()
    {
        var ns = await sandbox.CreateNamespaceAsync("early-owner");
        var defaultNamespace = await _client.CoreV1.ReadNamespaceAsync("default");
        var dependent = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "owned-by-default",
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "Namespace", Name = "default", Uid = defaultNamespace.Metadata.Uid }],
            },
        };
        await _client.CoreV1.CreateNamespacedSecretAsync(dependent, ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("marker", "1"), ns);

        // The collector handles events in order: once it could have acted on the marker, it has seen the secret.
        await Task.Delay(300);
        Assert.Contains("owned-by-default", await Names(ns));
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_content_then_the_namespace()
    {
        var ns = await sandbox.CreateNamespaceAsync("doomed");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("a", "1"), ns);
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);

        await _client.CoreV1.DeleteNamespaceAsync(ns);

        await Eventually.TrueAsync(async () =>
        {
            var namespaces = await _client.CoreV1.ListNamespaceAsync();
            return namespaces.Items.All(n => n.Metadata.Name != ns);
        }, "the namespace is gone");
        Assert.Empty(sandbox.Server.Store.ListNamespace(ns));
    }

    [Fact]
    public async Task A_terminating_namespace_reports_its_phase()
    {
        var ns = await sandbox.CreateNamespaceAsync("phase");
        var held = ObjectLifecycleTests.ConfigMap("held", "1");
        held.Metadata.Finalizers = ["example.com/hold"];
        await _client.CoreV1.CreateNamespacedConfigMapAsync(held, ns);

        await _client.CoreV1.DeleteNamespaceAsync(ns);
        var terminating = await _client.CoreV1.ReadNamespaceAsync(ns);
        Assert.Equal("Terminating", terminating.Status.Phase);

        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":[]}}""", V1Patch.PatchType.MergePatch), "held", ns);
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespaceAsync()).Items.All(n => n.Metadata.Name != ns), "the namespace is gone");
    }

    private async Task<V1Secret> CreateDependentAsync(string ns, string name, V1ConfigMap owner, bool blockOwnerDeletion, string? finalizer = null)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Finalizers = finalizer is null ? null : [finalizer],
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid,
                        BlockOwnerDeletion = blockOwnerDeletion, Controller = true,
                    },
                ],
            },
        };
        return await _client.CoreV1.CreateNamespacedSecretAsync(secret, ns);
    }

    private async Task<List<string>> Names(string ns)
    {
        var configMaps = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        var secrets = await _client.CoreV1.ListNamespacedSecretAsync(ns);
        return [.. configMaps.Items.Select(c => c.Metadata.Name), .. secrets.Items.Select(s => s.Metadata.Name)];
    }
}
