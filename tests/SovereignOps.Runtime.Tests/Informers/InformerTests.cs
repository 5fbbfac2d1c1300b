using System.Net;
using k8s.Models;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Tests.Support;
using static SovereignOps.Runtime.Tests.Support.ListWatchScript;

namespace SovereignOps.Runtime.Tests.Informers;

public sealed class InformerTests : IDisposable
{
    private readonly ListWatchScript _server = new();
    private readonly RuntimeMetrics _metrics = new();
    private readonly KubeApi _api;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<InformerEvent<V1ConfigMap>> _events = [];

    public InformerTests()
    {
        _api = new KubeApi(new ApiTransport(new HttpClient(_server), new Uri("http://127.0.0.1:1")), metrics: _metrics);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Lists_every_page_then_watches_from_the_lists_version_with_bookmarks_and_a_timeout()
    {
        _server
            .List("10", "page-2", ConfigMap("a", "5"), ConfigMap("b", "6"))
            .List("10", null, ConfigMap("c", "9"));
        var informer = Start(new InformerOptions { PageSize = 2, Namespaces = ["tenant-th"] });

        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => _server.Watches.Count == 1, "the watch is opened");

        Assert.True(informer.HasSynced);
        Assert.Equal(["a", "b", "c"], informer.Cache.List().Select(c => c.Metadata.Name).Order());
        Assert.Equal("v1", informer.Cache.Get(new ResourceKey("tenant-th", "a"))!.ApiVersion);
        var lists = _server.Lists;
        Assert.Equal("/api/v1/namespaces/tenant-th/configmaps", lists[0].AbsolutePath);
        Assert.Equal("2", Query(lists[0], "limit"));
        Assert.Equal("page-2", Query(lists[1], "continue"));
        var watch = _server.Watches[0];
        Assert.Equal("10", Query(watch, "resourceVersion"));
        Assert.Equal("true", Query(watch, "allowWatchBookmarks"));
        Assert.InRange(int.Parse(Query(watch, "timeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture), 300, 600);
    }

    [Fact]
    public async Task Watch_events_update_the_cache_and_the_next_watch_resumes_after_the_last_version_seen()
    {
        _server
            .List("10", null, ConfigMap("a", "5"), ConfigMap("b", "6"))
            .Watch(
                Event("ADDED", ConfigMap("c", "11")),
                Event("MODIFIED", ConfigMap("a", "12")),
                Event("DELETED", ConfigMap("b", "13")),
                Bookmark("20"));
        var informer = Start();

        await Eventually.TrueAsync(() => _server.Watches.Count == 2, "the informer watches again");

        Assert.Equal("20", Query(_server.Watches[1], "resourceVersion"));
        Assert.Single(_server.Lists);
        Assert.Equal(["a", "c"], informer.Cache.List().Select(c => c.Metadata.Name).Order());
        Assert.Equal("12", informer.Cache.Get(new ResourceKey("tenant-th", "a"))!.Metadata.ResourceVersion);
        Assert.Equal(
            ["Added a", "Added b", "Added c", "Updated a", "Deleted b"],
            Events().Where(e => e.Type != InformerEventType.WatchError).Select(e => $"{e.Type} {e.Object!.Metadata.Name}"));
    }

    [Fact]
    public async Task An_expired_version_relists_and_replays_what_changed_including_deletes()
    {
        _server
            .List("10", null, ConfigMap("a", "5"), ConfigMap("b", "6"), ConfigMap("c", "7"))
            .Watch(Event("MODIFIED", ConfigMap("a", "11")), Expired())
            .List("30", null, ConfigMap("a", "11"), ConfigMap("b", "25"), ConfigMap("d", "28"));
        var informer = Start();

        await Eventually.TrueAsync(() => _server.Watches.Count == 2, "the informer watches after the re-list");

        Assert.Equal("30", Query(_server.Watches[1], "resourceVersion"));
        Assert.Equal(["a", "b", "d"], informer.Cache.List().Select(c => c.Metadata.Name).Order());
        var replay = Events().Skip(4).Where(e => e.Type != InformerEventType.WatchError).Select(e => $"{e.Type} {e.Object!.Metadata.Name}").Order();
        Assert.Equal(["Added d", "Deleted c", "Updated b"], replay);
        Assert.Contains(Events(), e => e.Type == InformerEventType.WatchError && e.Error!.StartsWith("Gone", StringComparison.Ordinal));
        Assert.Contains("sovereignops_informer_relists_total{kind=\"ConfigMap\"} 1", await _metrics.ExportAsync());
    }

    [Fact]
    public async Task A_watch_refused_with_410_relists()
    {
        _server
            .List("10", null, ConfigMap("a", "5"))
            .WatchFails(HttpStatusCode.Gone, "Expired")
            .List("40", null);
        var informer = Start();

        await Eventually.TrueAsync(() => _server.Watches.Count == 2, "the informer watches after the re-list");

        Assert.Equal("40", Query(_server.Watches[1], "resourceVersion"));
        Assert.Empty(informer.Cache.List());
        Assert.Contains(Events(), e => e.Type == InformerEventType.Deleted && e.Object!.Metadata.Name == "a");
    }

    [Fact]
    public async Task Failures_are_reported_to_subscribers_and_metrics_then_retried()
    {
        _server
            .ListFails(HttpStatusCode.Forbidden, "Forbidden")
            .List("10", null, ConfigMap("a", "5"))
            .WatchFails(HttpStatusCode.InternalServerError, "InternalError");
        var informer = Start();

        await Eventually.TrueAsync(() => _server.Watches.Count == 2, "the informer watches again after the failed watch");

        Assert.True(informer.HasSynced);
        var errors = Events().Where(e => e.Type == InformerEventType.WatchError).Select(e => e.Error!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("ListFailed: 403 Forbidden", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("WatchFailed: 500 InternalError", errors[1], StringComparison.Ordinal);
        Assert.Equal("10", Query(_server.Watches[1], "resourceVersion"));
        var exported = await _metrics.ExportAsync();
        Assert.Contains("sovereignops_informer_watch_errors_total{kind=\"ConfigMap\",reason=\"ListFailed\"} 1", exported);
        Assert.Contains("sovereignops_informer_watch_errors_total{kind=\"ConfigMap\",reason=\"WatchFailed\"} 1", exported);
    }

    [Fact]
    public async Task Each_watched_namespace_gets_its_own_list_and_watch()
    {
        _server.List("10", null).List("11", null);
        var informer = Start(new InformerOptions { Namespaces = ["tenant-th", "tenant-sa"] });

        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(
            ["/api/v1/namespaces/tenant-sa/configmaps", "/api/v1/namespaces/tenant-th/configmaps"],
            _server.Lists.Select(u => u.AbsolutePath).Order());
    }

    private Informer<V1ConfigMap> Start(InformerOptions? options = null)
    {
        var informer = new Informer<V1ConfigMap>(_api, (options ?? new InformerOptions()) with
        {
            Backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)),
        }, _metrics);
        informer.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
        _ = informer.RunAsync(_stop.Token);
        return informer;
    }

    private List<InformerEvent<V1ConfigMap>> Events()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }
}
