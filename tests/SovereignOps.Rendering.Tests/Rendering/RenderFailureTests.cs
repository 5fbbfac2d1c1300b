using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>Every way a render can fail comes back as a value with a message that says what to fix.</summary>
public sealed class RenderFailureTests
{
    [Fact]
    public async Task A_misspelt_field_names_the_object_its_template_and_the_field()
    {
        var result = await TestRenderer.Create().RenderAsync(new TestChartValues("typo-field", "typo", "tenant-a").Request());

        Assert.False(result.IsSuccess);
        var error = result.Error;
        Assert.Equal(RenderErrorKind.InvalidObject, error.Kind);
        Assert.Equal("Deployment", error.ObjectKind);
        Assert.Equal("typo", error.ObjectName);
        Assert.Equal("typo-field/templates/deployment.yaml", error.SourceTemplate);
        Assert.Equal("spec.template.spec.containers[0].resourcez", error.FieldPath);
        Assert.Contains("Deployment typo", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.template.spec.containers[0].resourcez", error.Message, StringComparison.Ordinal);
        Assert.Contains("typo-field/templates/deployment.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typo_in_a_copy_of_the_model_chart_is_caught_on_every_workload_it_reaches()
    {
        using var chart = ChartCopy.Of("sovereign-model");
        chart.Replace("templates/_pod.tpl", "enableServiceLinks: false", "enableServiceLinkz: false");
        var values = SampleValues.VllmTensorParallel;

        var result = await TestRenderer.Create().RenderAsync(new RenderRequest(chart.Directory, values.ReleaseName, values.Namespace, ChartValuesDocument.From(values)));

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.InvalidObject, result.Error.Kind);
        Assert.Equal("Deployment", result.Error.ObjectKind);
        Assert.Equal("typhoon-70b", result.Error.ObjectName);
        Assert.Equal("sovereign-model/templates/deployment.yaml", result.Error.SourceTemplate);
        Assert.Equal("spec.template.spec.enableServiceLinkz", result.Error.FieldPath);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field()
    {
        using var chart = ChartCopy.Of("sovereign-model");
        chart.Replace("templates/deployment.yaml", "revisionHistoryLimit: 3", "revisionHistoryLimit: three");
        var values = SampleValues.VllmTensorParallel;

        var result = await TestRenderer.Create().RenderAsync(new RenderRequest(chart.Directory, values.ReleaseName, values.Namespace, ChartValuesDocument.From(values)));

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.InvalidObject, result.Error.Kind);
        Assert.Equal("spec.revisionHistoryLimit", result.Error.FieldPath);
        Assert.Contains("three", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_the_operator_does_not_manage_is_refused()
    {
        var result = await TestRenderer.Create().RenderAsync(new TestChartValues("unknown-kind", "nightly", "tenant-a").Request());

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.UnknownKind, result.Error.Kind);
        Assert.Equal("CronJob", result.Error.ObjectKind);
        Assert.Equal("nightly", result.Error.ObjectName);
        Assert.Contains("CronJob nightly (batch/v1)", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown-kind/templates/cronjob.yaml", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_helm_binary_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-helm-{Guid.NewGuid():N}", "helm");
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = missing, ChartsRoot = RepoPaths.Combine("charts") });

        var result = await renderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.HelmNotFound, result.Error.Kind);
        Assert.Contains(missing, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, renderer.Statistics.HelmProcesses);
    }

    [Fact]
    public async Task A_missing_chart_is_named_in_the_error()
    {
        var renderer = TestRenderer.Create();
        var root = Path.Combine(Path.GetTempPath(), $"no-charts-{Guid.NewGuid():N}");
        var values = SampleValues.VllmTensorParallel;

        var result = await renderer.RenderAsync(RenderRequest.For(values, root));

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.ChartNotFound, result.Error.Kind);
        Assert.Contains(Path.Combine(root, "sovereign-model"), result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helm_failing_returns_its_stderr()
    {
        using var fakeHelm = FakeHelm.Script("echo 'Error: chart requires kubeVersion >= 9.0' >&2\nexit 1");
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") });

        var result = await renderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.HelmFailed, result.Error.Kind);
        Assert.Contains("exit code 1", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Error: chart requires kubeVersion >= 9.0", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helm_that_hangs_is_stopped_at_the_timeout()
    {
        using var fakeHelm = FakeHelm.Script("exec sleep 30");
        var renderer = new HelmRenderer(new HelmRendererOptions
        {
            HelmPath = fakeHelm.Path,
            ChartsRoot = RepoPaths.Combine("charts"),
            Timeout = TimeSpan.FromMilliseconds(300),
        });

        var result = await renderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.TimedOut, result.Error.Kind);
        Assert.Contains("0.3 s", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_the_render()
    {
        using var fakeHelm = FakeHelm.Script("exec sleep 30");
        var renderer = new HelmRenderer(new HelmRendererOptions { HelmPath = fakeHelm.Path, ChartsRoot = RepoPaths.Combine("charts") });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync(SampleValues.VllmTensorParallel, cancellation.Token));
    }
}
