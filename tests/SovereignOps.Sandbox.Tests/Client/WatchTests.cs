using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Watches: event types, resume, 410 beyond the history, bookmarks, selectors and timeouts.</summary>
public sealed class WatchTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly Kubernetes _client = sandbox.Client;
    private readonly RawClient _raw = new(sandbox.Server);

    [Fact]
    public async Task A_watch_sees_added_modified_and_deleted_through_KubernetesClient()
    {
        var ns = await sandbox.CreateNamespaceAsync("watch");
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var seen = new List<(WatchEventType Type, string Name, string? Value)>();
        var watching = Task.Run(async () =>
        {
            var stream = _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 10, cancellationToken: cancel.Token);
            await foreach (var (type, item) in stream)
            {
                seen.Add((type, item.Metadata.Name, item.Data is null ? null : item.Data["key"]));
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("w", "1"), ns);
        created.Data["key"] = "2";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "w", ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("w", ns);
        await watching;

        Assert.Equal([(WatchEventType.Added, "w", "1"), (WatchEventType.Modified, "w", "2"), (WatchEventType.Deleted, "w", "2")], seen);
    }

    [Fact]
    public async Task A_watch_resumes_from_a_resource_version_and_replays_what_came_after()
    {
        var ns = await sandbox.CreateNamespaceAsync("resume");
        var first = await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("one", "1"), ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("two", "1"), ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("three", "1"), ns);

        var events = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={first.Metadata.ResourceVersion}", e => e.Count == 2);

        Assert.Equal(["ADDED:two", "ADDED:three"], events.Select(e => $"{e["type"]}:{e["object"]!["metadata"]!["name"]}"));
    }

    [Fact]
    public async Task Resource_version_zero_starts_with_the_current_objects()
    {
        var ns = await sandbox.CreateNamespaceAsync("initial");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("present", "1"), ns);

        var events = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion=0", e => e.Count == 1);

        Assert.Equal("ADDED", events[0]["type"]!.GetValue<string>());
        Assert.Equal("present", events[0]["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resuming_from_before_the_history_gets_410_expired()
    {
        var ns = await sandbox.CreateNamespaceAsync("expired");
        var old = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s0" } }, ns);
        for (var i = 1; i <= 210; i++)
        {
            await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = $"s{i}" } }, ns);
        }

        var events = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/secrets?watch=true&resourceVersion={old.Metadata.ResourceVersion}", e => e.Count == 1);

        Assert.Equal("ERROR", events[0]["type"]!.GetValue<string>());
        Assert.Equal(410, events[0]["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", events[0]["object"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idle_watch_that_asks_for_bookmarks_receives_them()
    {
        var ns = await sandbox.CreateNamespaceAsync("bookmarks");
        var events = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=1", e => e.Count == 1);

        Assert.Equal("BOOKMARK", events[0]["type"]!.GetValue<string>());
        Assert.True(long.Parse(events[0]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()) > 1);
    }

    [Fact]
    public async Task An_object_leaving_the_label_selector_is_deleted_for_that_watch()
    {
        var ns = await sandbox.CreateNamespaceAsync("selector");
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        var watching = _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=tier%3Dgold&resourceVersion={list.Metadata.ResourceVersion}", e => e.Count == 2);

        var cm = ObjectLifecycleTests.ConfigMap("moving", "1");
        cm.Metadata.Labels["tier"] = "gold";
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap("other", "1"), ns);
        created.Metadata.Labels["tier"] = "silver";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "moving", ns);
        var events = await watching;

        Assert.Equal(["ADDED:moving", "DELETED:moving"], events.Select(e => $"{e["type"]}:{e["object"]!["metadata"]!["name"]}"));
    }

    [Fact]
    public async Task TimeoutSeconds_closes_the_stream()
    {
        var ns = await sandbox.CreateNamespaceAsync("timeout");
        var started = DateTime.UtcNow;
        var events = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=1", _ => false);

        Assert.Empty(events);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _raw.Dispose();
}
