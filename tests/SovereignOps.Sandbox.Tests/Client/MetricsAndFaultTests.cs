using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Faults;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Request accounting at /metrics and seeded fault injection, set in process or through /sandbox/faults.</summary>
public sealed class MetricsAndFaultTests : IAsyncLifetime, IDisposable
{
    // Faults are server-wide, so this class owns its server instead of sharing a fixture.
    private readonly SandboxFixture _sandbox = new();
    private RawClient _raw = null!;

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        _raw = new RawClient(_sandbox.Server);
    }

    public Task DisposeAsync() => _sandbox.DisposeAsync();

    public void Dispose() => _raw.Dispose();

    [Fact]
    public async Task Metrics_count_requests_by_verb_resource_client_and_code()
    {
        var ns = await _sandbox.CreateNamespaceAsync("metrics");
        for (var i = 0; i < 3; i++)
        {
            await _sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap($"m{i}", "1"), ns);
        }

        using var response = await _raw.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        var client = Sandbox.Metrics.SandboxMetrics.ClientName(_sandbox.Client.HttpClient.DefaultRequestHeaders.UserAgent.ToString());

        Assert.Contains("# TYPE sandbox_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains($"sandbox_requests_total{{verb=\"create\",resource=\"configmaps\",user_agent=\"{client}\",code=\"201\"}} 3", text, StringComparison.Ordinal);
        Assert.Contains("sandbox_watch_streams 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_watches_are_counted()
    {
        var ns = await _sandbox.CreateNamespaceAsync("streams");
        var watching = _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=3", _ => false);

        await Eventually.TrueAsync(() => Task.FromResult(_sandbox.Server.Metrics.OpenWatchStreams == 1), "the watch is counted");
        await watching;
        await Eventually.TrueAsync(() => Task.FromResult(_sandbox.Server.Metrics.OpenWatchStreams == 0), "the closed watch is no longer counted");
    }

    [Fact]
    public async Task A_seeded_plan_fails_the_same_requests_on_every_run()
    {
        var ns = await _sandbox.CreateNamespaceAsync("seeded");
        var plan = new FaultPlan { Seed = 42, FailureRate = 0.5, FailureCodes = [500, 429], Verbs = ["get"] };

        _sandbox.Server.Faults.Configure(plan);
        var first = await CodesAsync(ns, 20);
        _sandbox.Server.Faults.Configure(plan);
        var second = await CodesAsync(ns, 20);
        _sandbox.Server.Faults.Clear();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.NotFound, first);
    }

    [Fact]
    public async Task A_429_carries_retry_after_and_the_admin_endpoint_sets_and_clears_the_plan()
    {
        using var set = await _raw.SendAsync(HttpMethod.Put, "/sandbox/faults", """{"seed":1,"failureRate":1,"failureCodes":[429],"retryAfterSeconds":7,"verbs":["list"]}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var throttled = await _raw.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("7", throttled.Headers.GetValues("Retry-After").Single());

        using var cleared = await _raw.SendAsync(HttpMethod.Delete, "/sandbox/faults", "", "application/json");
        using var normal = await _raw.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Fact]
    public async Task An_outage_answers_503_until_it_is_over()
    {
        _sandbox.Server.Faults.Configure(new FaultPlan { Outage = TimeSpan.FromSeconds(1) });
        using var during = await _raw.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);

        await Task.Delay(1200);
        using var after = await _raw.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        _sandbox.Server.Faults.Clear();
    }

    [Fact]
    public async Task Watch_faults_cut_streams_after_n_events_and_answer_resumes_with_410()
    {
        var ns = await _sandbox.CreateNamespaceAsync("watchfaults");
        for (var i = 0; i < 5; i++)
        {
            await _sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ObjectLifecycleTests.ConfigMap($"c{i}", "1"), ns);
        }

        _sandbox.Server.Faults.Configure(new FaultPlan { WatchCutAfterEvents = 2, WatchExpireRate = 1 });
        var cut = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion=0", _ => false);
        var resumed = await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion=2", e => e.Count == 1);
        _sandbox.Server.Faults.Clear();

        Assert.Equal(2, cut.Count);
        Assert.Equal("ERROR", resumed[0]["type"]!.GetValue<string>());
        Assert.Equal(410, resumed[0]["object"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Watch_faults_cut_streams_after_a_time()
    {
        var ns = await _sandbox.CreateNamespaceAsync("watchtime");
        _sandbox.Server.Faults.Configure(new FaultPlan { WatchCutAfter = TimeSpan.FromSeconds(1) });
        var started = DateTime.UtcNow;
        await _raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=60", _ => false);
        _sandbox.Server.Faults.Clear();

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Latency_delays_requests()
    {
        _sandbox.Server.Faults.Configure(new FaultPlan { Latency = TimeSpan.FromMilliseconds(300), Verbs = ["list"] });
        var started = DateTime.UtcNow;
        using var response = await _raw.GetAsync("/api/v1/namespaces");
        var elapsed = DateTime.UtcNow - started;
        _sandbox.Server.Faults.Clear();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(290), $"took {elapsed}");
    }

    private async Task<List<HttpStatusCode>> CodesAsync(string ns, int count)
    {
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await _raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps/missing");
            codes.Add(response.StatusCode);
        }

        return codes;
    }
}
