using k8s.Models;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Tests.Support;
using SovereignOps.Sandbox.Faults;

namespace SovereignOps.Runtime.Tests.Integration;

public sealed class InformerSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly RuntimeMetrics _metrics = new();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        sandbox.Server.Faults.Clear();
    }

    [Fact]
    public async Task Syncs_follows_changes_and_resumes_after_each_watch_timeout_without_listing_again()
    {
        using var api = sandbox.NewApi(_metrics);
        var ns = await sandbox.NewNamespaceAsync(api);
        await CreateAsync(api, ns, "a");
        await CreateAsync(api, ns, "b");
        var (lists, watches) = (sandbox.OperatorRequests("list", "configmaps"), sandbox.OperatorRequests("watch", "configmaps"));
        var informer = Start(api, ns, minWatchTimeout: TimeSpan.FromSeconds(1));

        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b"], Names(informer));

        // A watch lasts one to two seconds; wait for a resume instead of a fixed time, which a loaded machine can outrun.
        await Eventually.TrueAsync(() => sandbox.OperatorRequests("watch", "configmaps") - watches >= 2, "the informer resumed after a watch timeout");
        await CreateAsync(api, ns, "c");
        var deleted = await api.DeleteAsync(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "a"), new DeleteOptions(), CancellationToken.None);
        Assert.True(deleted.Value);

        await Eventually.TrueAsync(() => Names(informer).SequenceEqual(["b", "c"]), "the cache follows a create and a delete");
        Assert.Equal(1, sandbox.OperatorRequests("list", "configmaps") - lists);
    }

    [Fact]
    public async Task An_expired_resume_relists_and_reports_a_delete_that_happened_while_disconnected()
    {
        using var api = sandbox.NewApi(_metrics);
        var ns = await sandbox.NewNamespaceAsync(api);
        await CreateAsync(api, ns, "a");
        await CreateAsync(api, ns, "b");
        var informer = Start(api, ns, minWatchTimeout: TimeSpan.FromSeconds(60));
        var deletes = new List<string>();
        informer.Subscribe(e =>
        {
            if (e.Type == InformerEventType.Deleted)
            {
                lock (deletes)
                {
                    deletes.Add(e.Object!.Metadata.Name);
                }
            }
        });
        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        // Every watch now ends after one event and every resume is refused with 410.
        sandbox.Server.Faults.Configure(new FaultPlan { WatchCutAfterEvents = 1, WatchExpireRate = 1 });
        await CreateAsync(api, ns, "c");
        await api.DeleteAsync(ResourceType.For<V1ConfigMap>(), new ResourceKey(ns, "b"), new DeleteOptions(), CancellationToken.None);
        await Eventually.TrueAsync(() => Relists() >= 1, "the informer re-lists after the 410");
        sandbox.Server.Faults.Clear();

        await Eventually.TrueAsync(() => Names(informer).SequenceEqual(["a", "c"]), "the re-list brings the cache up to date");

        // Subscribers hear of a change just after the cache holds it.
        await Eventually.TrueAsync(
            () =>
            {
                lock (deletes)
                {
                    return deletes.Count > 0;
                }
            },
            "the delete is reported");
        lock (deletes)
        {
            Assert.Equal(["b"], deletes);
        }
    }

    private double Relists() => _metrics.InformerRelists.WithLabels("ConfigMap").Value;

    private Informer<V1ConfigMap> Start(KubeApi api, string ns, TimeSpan minWatchTimeout)
    {
        var informer = new Informer<V1ConfigMap>(api, new InformerOptions
        {
            Namespaces = [ns],
            MinWatchTimeout = minWatchTimeout,
            Backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
        }, _metrics);
        _ = informer.RunAsync(_stop.Token);
        return informer;
    }

    private static string[] Names(Informer<V1ConfigMap> informer) =>
        [.. informer.Cache.List().Select(c => c.Metadata.Name).Order(StringComparer.Ordinal)];

    private static async Task CreateAsync(KubeApi api, string ns, string name)
    {
        var created = await api.CreateAsync(ResourceType.For<V1ConfigMap>(),
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Data = new Dictionary<string, string> { ["k"] = "v" } },
            CancellationToken.None);
        Assert.True(created.IsSuccess, created.ToString());
    }
}
