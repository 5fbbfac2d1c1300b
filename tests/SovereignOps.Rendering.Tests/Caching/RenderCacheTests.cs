using k8s.Models;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Tests.Rendering;
using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Caching;

/// <summary>An unchanged input costs no helm process; anything that changes the output does.</summary>
public sealed class RenderCacheTests
{
    [Fact]
    public async Task Rendering_unchanged_input_again_runs_no_helm_process()
    {
        var renderer = TestRenderer.Create();

        var first = await renderer.RenderAsync(SampleValues.VllmTensorParallel);
        var second = await renderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(new RenderStatistics(Renders: 2, CacheHits: 1, HelmProcesses: 1), renderer.Statistics);
        Assert.Equal(ManifestYaml.Serialize(first.Manifest), ManifestYaml.Serialize(second.Manifest));
    }

    [Fact]
    public async Task A_cached_render_hands_out_objects_the_previous_caller_cannot_have_changed()
    {
        var renderer = TestRenderer.Create();
        var first = await renderer.RenderAsync(SampleValues.VllmTensorParallel);
        first.Manifest!.Single<V1Deployment>("typhoon-70b").Spec.Replicas = 99;

        var second = await renderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.Equal(2, second.Manifest!.Single<V1Deployment>("typhoon-70b").Spec.Replicas);
    }

    [Fact]
    public async Task Concurrent_identical_renders_share_one_helm_process()
    {
        var renderer = TestRenderer.Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => renderer.RenderAsync(SampleValues.TriageAgent)));

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.Message));
        Assert.Equal(1, renderer.Statistics.HelmProcesses);
        Assert.Equal(7, renderer.Statistics.CacheHits);
        Assert.Single(results.Select(result => ManifestYaml.Serialize(result.Manifest!)).Distinct());
    }

    [Fact]
    public async Task Changed_values_release_or_namespace_render_again()
    {
        var renderer = TestRenderer.Create();
        var values = SampleValues.VllmTensorParallel;

        await renderer.RenderAsync(values);
        await renderer.RenderAsync(values with { Workload = values.Workload with { Replicas = 3 } });
        await renderer.RenderAsync(values with { Namespace = "tenant-th-edu" });
        var other = ChartValuesDocument.From(values);
        await renderer.RenderAsync(new RenderRequest(RepoPaths.Combine("charts", "sovereign-model"), "another-release", values.Namespace, other));

        Assert.Equal(4, renderer.Statistics.HelmProcesses);
        Assert.Equal(0, renderer.Statistics.CacheHits);
    }

    [Fact]
    public async Task A_changed_chart_file_renders_again_and_an_unchanged_copy_does_not()
    {
        using var chart = ChartCopy.Of("sovereign-agent");
        var renderer = TestRenderer.Create();
        var values = SampleValues.TriageAgent;
        RenderRequest Request() => new(chart.Directory, values.ReleaseName, values.Namespace, ChartValuesDocument.From(values));

        await renderer.RenderAsync(Request());
        await renderer.RenderAsync(Request());
        chart.Replace("templates/deployment.yaml", "revisionHistoryLimit: 3", "revisionHistoryLimit: 5");
        var changed = await renderer.RenderAsync(Request());

        Assert.Equal(2, renderer.Statistics.HelmProcesses);
        Assert.False(changed.FromCache);
        Assert.Equal(5, changed.Manifest!.Single<V1Deployment>("triage-assistant").Spec.RevisionHistoryLimit);
    }

    [Fact]
    public async Task The_least_recently_used_render_is_forgotten_beyond_capacity()
    {
        using var fakeHelm = FakeHelm.Script(FakeHelm.PrintConfigMap);
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts"), CacheCapacity = 2 });
        var a = SampleValues.TriageAgent;
        var b = a with { Replicas = 3 };
        var c = a with { Replicas = 4 };

        await renderer.RenderAsync(a);
        await renderer.RenderAsync(b);
        await renderer.RenderAsync(a);
        await renderer.RenderAsync(c);
        Assert.Equal(3, renderer.Statistics.HelmProcesses);

        await renderer.RenderAsync(a);
        Assert.Equal(3, renderer.Statistics.HelmProcesses);
        await renderer.RenderAsync(b);
        Assert.Equal(4, renderer.Statistics.HelmProcesses);
    }

    [Fact]
    public async Task A_failed_helm_run_is_not_remembered()
    {
        using var fakeHelm = FakeHelm.Script("echo 'Error: transient' >&2\nexit 1");
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") });

        var first = await renderer.RenderAsync(SampleValues.TriageAgent);
        var second = await renderer.RenderAsync(SampleValues.TriageAgent);

        Assert.False(first.IsSuccess);
        Assert.False(second.IsSuccess);
        Assert.Equal(2, renderer.Statistics.HelmProcesses);
    }

    [Fact]
    public async Task One_caller_cancelling_leaves_a_shared_render_to_the_others()
    {
        using var fakeHelm = FakeHelm.Script("sleep 1\n" + FakeHelm.PrintConfigMap);
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") });
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var cancelled = renderer.RenderAsync(SampleValues.TriageAgent, impatient.Token);
        var patient = renderer.RenderAsync(SampleValues.TriageAgent);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var result = await patient;
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("fake", Assert.Single(result.Manifest).Name);
        Assert.Equal(1, renderer.Statistics.HelmProcesses);
    }

    [Fact]
    public async Task When_every_caller_cancels_the_helm_process_is_stopped()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"sovereignops-helm-finished-{Guid.NewGuid():N}");
        // Generous margins: the machine running the tests may be busy, and a late kill must not pass for a stopped one.
        using var fakeHelm = FakeHelm.Script($"sleep 2\ntouch '{marker}'\n" + FakeHelm.PrintConfigMap);
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync(SampleValues.TriageAgent, cancellation.Token));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(File.Exists(marker), "helm ran to completion although nobody was waiting for it");
        var again = await new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") }).RenderAsync(SampleValues.TriageAgent);
        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.True(File.Exists(marker), "the fake helm never writes its marker, so the first assertion proves nothing");
        File.Delete(marker);
    }
}
