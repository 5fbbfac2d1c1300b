using System.ComponentModel;
using SovereignOps.Rendering.Helm;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering;

/// <summary>
/// Renders a workload chart with <c>helm template</c> and returns the typed objects. Values go to
/// helm as a file written from the values model, never as <c>--set</c> strings. Every expected
/// failure (no helm, helm error, timeout, an object that does not match its model) is a
/// <see cref="RenderResult"/> with a message, not an exception.
/// </summary>
public sealed class HelmRenderer
{
    private readonly HelmRendererOptions options;
    private readonly IHelmProcessRunner runner;
    private readonly Lazy<HelmLocation> helm;
    private readonly Lazy<string> chartsRoot;
    private long renders;
    private long helmProcesses;

    public HelmRenderer(HelmRendererOptions? options = null, IHelmProcessRunner? runner = null)
    {
        this.options = options ?? new HelmRendererOptions();
        this.runner = runner ?? new CliWrapHelmProcessRunner();
        helm = new Lazy<HelmLocation>(() => HelmLocator.Locate(this.options.HelmPath));
        chartsRoot = new Lazy<string>(() => ChartsDirectory.Locate(this.options.ChartsRoot));
    }

    /// <summary>Directory the charts are rendered from.</summary>
    public string ChartsRoot => chartsRoot.Value;

    public RenderStatistics Statistics => new(Interlocked.Read(ref renders), Interlocked.Read(ref helmProcesses));

    /// <summary>Renders the chart the values belong to.</summary>
    public Task<RenderResult> RenderAsync(IChartValues values, CancellationToken cancellationToken = default) =>
        RenderAsync(RenderRequest.For(values, ChartsRoot), cancellationToken);

    /// <summary>Renders an explicit chart directory with the given values.</summary>
    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref renders);
        return await RunHelmAsync(request, cancellationToken);
    }

    private async Task<RenderResult> RunHelmAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        var chart = Path.GetFullPath(request.ChartDirectory);
        if (!File.Exists(Path.Combine(chart, "Chart.yaml")))
        {
            return Fail(RenderErrorKind.ChartNotFound, chart, $"chart {chart} was not found (no Chart.yaml in that directory)");
        }

        var location = helm.Value;
        if (!location.IsFound)
        {
            return Fail(RenderErrorKind.HelmNotFound, chart, location.Problem);
        }

        var valuesFile = Path.Combine(Path.GetTempPath(), $"sovereignops-values-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllBytesAsync(valuesFile, request.Values.Json, cancellationToken);
            string[] arguments = ["template", HelmReleaseName.From(request.ReleaseName), chart, "--namespace", request.Namespace, "-f", valuesFile];

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            HelmProcessResult result;
            try
            {
                Interlocked.Increment(ref helmProcesses);
                result = await runner.RunAsync(location.Path, arguments, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Fail(RenderErrorKind.TimedOut, chart, $"helm template of chart {chart} did not finish within {options.Timeout.TotalSeconds:0.#} s and was stopped");
            }
            catch (Win32Exception e)
            {
                return Fail(RenderErrorKind.HelmNotFound, chart, $"helm at {location.Path} could not be started: {e.Message}");
            }

            if (result.ExitCode != 0)
            {
                return Fail(RenderErrorKind.HelmFailed, chart, $"helm template of chart {chart} failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
            }

            var parsed = HelmOutputParser.Parse(result.StandardOutput, chart);
            return parsed.Manifest is not null ? RenderResult.Success(parsed.Manifest) : RenderResult.Failure(parsed.Error!);
        }
        finally
        {
            File.Delete(valuesFile);
        }
    }

    private static RenderResult Fail(RenderErrorKind kind, string chart, string? message) =>
        RenderResult.Failure(new RenderError { Kind = kind, Chart = chart, Message = message ?? kind.ToString() });
}
