using System.ComponentModel;
using SovereignOps.Rendering.Caching;
using SovereignOps.Rendering.Helm;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering;

/// <summary>
/// Renders a workload chart with <c>helm template</c> and returns the typed objects. Values go to
/// helm as a file written from the values model, never as <c>--set</c> strings. Every expected
/// failure (no helm, helm error, timeout, an object that does not match its model) is a
/// <see cref="RenderResult"/> with a message, not an exception.
/// <para>
/// Renders are cached by chart content digest, values hash, release and namespace: an unchanged
/// input costs no helm process, and identical renders at the same time share one. The renderer is
/// safe to use from many threads; keep one per process so the cache pays off.
/// </para>
/// </summary>
public sealed class HelmRenderer
{
    private readonly HelmRendererOptions options;
    private readonly IHelmProcessRunner runner;
    private readonly Lazy<HelmLocation> helm;
    private readonly Lazy<string> chartsRoot;
    private readonly ChartDigests chartDigests = new();
    private readonly RenderCache cache;
    private long renders;
    private long cacheHits;
    private long helmProcesses;

    public HelmRenderer(HelmRendererOptions? options = null, IHelmProcessRunner? runner = null)
    {
        this.options = options ?? new HelmRendererOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(this.options.CacheCapacity);
        this.runner = runner ?? new CliWrapHelmProcessRunner();
        helm = new Lazy<HelmLocation>(() => HelmLocator.Locate(this.options.HelmPath));
        chartsRoot = new Lazy<string>(() => ChartsDirectory.Locate(this.options.ChartsRoot));
        cache = new RenderCache(this.options.CacheCapacity);
    }

    /// <summary>Directory the charts are rendered from.</summary>
    public string ChartsRoot => chartsRoot.Value;

    public RenderStatistics Statistics => new(Interlocked.Read(ref renders), Interlocked.Read(ref cacheHits), Interlocked.Read(ref helmProcesses));

    /// <summary>Renders the chart the values belong to.</summary>
    public Task<RenderResult> RenderAsync(IChartValues values, CancellationToken cancellationToken = default) =>
        RenderAsync(RenderRequest.For(values, ChartsRoot), cancellationToken);

    /// <summary>Renders an explicit chart directory with the given values.</summary>
    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref renders);
        var chart = Path.GetFullPath(request.ChartDirectory);
        if (!File.Exists(Path.Combine(chart, "Chart.yaml")))
        {
            return Fail(RenderErrorKind.ChartNotFound, chart, $"chart {chart} was not found (no Chart.yaml in that directory)");
        }

        var key = new RenderKey(chartDigests.DigestOf(chart), request.Values.Sha256, request.ReleaseName, request.Namespace);
        var (run, reused) = await cache.GetOrRunAsync(key, abandoned => RunHelmAsync(chart, request, abandoned), cancellationToken);
        if (reused)
        {
            Interlocked.Increment(ref cacheHits);
        }

        if (run.Output is null)
        {
            return RenderResult.Failure(run.Error!);
        }

        // Every caller parses its own copy, so objects handed out are never shared.
        var parsed = HelmOutputParser.Parse(run.Output, chart);
        var result = parsed.Manifest is not null ? RenderResult.Success(parsed.Manifest) : RenderResult.Failure(parsed.Error!);
        return reused ? result.AsCacheHit() : result;
    }

    private async Task<HelmRun> RunHelmAsync(string chart, RenderRequest request, CancellationToken abandoned)
    {
        var location = helm.Value;
        if (!location.IsFound)
        {
            return Failed(RenderErrorKind.HelmNotFound, chart, location.Problem);
        }

        var valuesFile = Path.Combine(Path.GetTempPath(), $"sovereignops-values-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllBytesAsync(valuesFile, request.Values.Json, abandoned);
            string[] arguments = ["template", HelmReleaseName.From(request.ReleaseName), chart, "--namespace", request.Namespace, "-f", valuesFile];

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
            timeout.CancelAfter(options.Timeout);
            HelmProcessResult result;
            try
            {
                Interlocked.Increment(ref helmProcesses);
                result = await runner.RunAsync(location.Path, arguments, timeout.Token);
            }
            catch (OperationCanceledException) when (!abandoned.IsCancellationRequested)
            {
                return Failed(RenderErrorKind.TimedOut, chart, $"helm template of chart {chart} did not finish within {options.Timeout.TotalSeconds:0.#} s and was stopped");
            }
            catch (Win32Exception e)
            {
                return Failed(RenderErrorKind.HelmNotFound, chart, $"helm at {location.Path} could not be started: {e.Message}");
            }

            return result.ExitCode == 0
                ? HelmRun.Succeeded(result.StandardOutput)
                : Failed(RenderErrorKind.HelmFailed, chart, $"helm template of chart {chart} failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        }
        finally
        {
            File.Delete(valuesFile);
        }
    }

    private static HelmRun Failed(RenderErrorKind kind, string chart, string message) =>
        HelmRun.Failed(new RenderError { Kind = kind, Chart = chart, Message = message });

    private static RenderResult Fail(RenderErrorKind kind, string chart, string message) =>
        RenderResult.Failure(new RenderError { Kind = kind, Chart = chart, Message = message });
}
