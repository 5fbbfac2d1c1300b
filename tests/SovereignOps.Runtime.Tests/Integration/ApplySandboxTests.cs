using k8s;
using k8s.Models;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Integration;

public sealed class ApplySandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    [Fact]
    public async Task Applying_the_same_intent_again_issues_zero_writes_and_a_hand_edit_is_reverted()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var owner = await OwnerAsync(api, ns);
        var (applier, informer) = await StartAsync(api, ns);
        var patchesBefore = sandbox.OperatorRequests("patch", "configmaps");

        Assert.Equal(ApplyOutcome.Applied, (await applier.ApplyAsync(owner, "thailand", Child(ns, "v1"), CancellationToken.None)).Value);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ResourceKey(ns, "storefront")) is not null, "the cache sees the applied child");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ApplyOutcome.Unchanged, (await applier.ApplyAsync(owner, "thailand", Child(ns, "v1"), CancellationToken.None)).Value);
        }

        Assert.Equal(1, sandbox.OperatorRequests("patch", "configmaps") - patchesBefore);
        var stored = (await api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "storefront"), CancellationToken.None)).Value;
        Assert.Equal(owner.Metadata.Uid, Assert.Single(stored.Metadata.OwnerReferences).Uid);
        Assert.Equal("sovereignops", stored.Metadata.Labels[Inventory.ManagedByLabel]);

        using var someoneElse = new Kubernetes(sandbox.Server.ClientConfiguration);
        await someoneElse.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"catalog":"edited by hand"}}""", V1Patch.PatchType.MergePatch), "storefront", ns);
        await Eventually.TrueAsync(() => informer.Cache.Get(new ResourceKey(ns, "storefront"))!.Data["catalog"] == "edited by hand", "the cache sees the hand edit");

        Assert.Equal(ApplyOutcome.Applied, (await applier.ApplyAsync(owner, "thailand", Child(ns, "v1"), CancellationToken.None)).Value);
        var restored = (await api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "storefront"), CancellationToken.None)).Value;
        Assert.Equal("v1", restored.Data["catalog"]);
    }

    [Fact]
    public async Task Pruning_removes_children_the_owner_no_longer_renders()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var owner = await OwnerAsync(api, ns);
        var (applier, informer) = await StartAsync(api, ns);
        var keep = Child(ns, "v1");
        var drop = Child(ns, "v1", "old-agent");
        await applier.ApplyAsync(owner, "thailand", keep, CancellationToken.None);
        await applier.ApplyAsync(owner, "thailand", drop, CancellationToken.None);
        await Eventually.TrueAsync(() => informer.Cache.Count == 3, "the cache sees both children");

        var pruned = await applier.PruneAsync(owner, [ResourceType.For<V1ConfigMap>()], [keep], CancellationToken.None);

        Assert.Equal(1, pruned.Value);
        var gone = await api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "old-agent"), CancellationToken.None);
        Assert.True(gone.Error?.IsNotFound);
        Assert.True((await api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "storefront"), CancellationToken.None)).IsSuccess);
    }

    private async Task<(Applier Applier, Informer<V1ConfigMap> Informer)> StartAsync(KubeApi api, string ns)
    {
        var informers = new InformerSet();
        var informer = new Informer<V1ConfigMap>(api, new InformerOptions { Namespaces = [ns] });
        informers.Add(informer);
        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(10));
        return (new Applier(api, informers), informer);
    }

    private static async Task<V1ConfigMap> OwnerAsync(KubeApi api, string ns)
    {
        var created = await api.CreateAsync(ResourceType.For<V1ConfigMap>(), new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner", NamespaceProperty = ns } }, CancellationToken.None);
        return created.Value;
    }

    private static V1ConfigMap Child(string ns, string catalog, string name = "storefront") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = "storefront" } },
        Data = new Dictionary<string, string> { ["catalog"] = catalog },
    };
}
