using System.Diagnostics;
using System.Globalization;
using SovereignOps.Api.Bundles;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Rendering;
using SovereignOps.Rendering.Helm;
using SovereignOps.Rendering.Pipeline;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Benchmarks.EndToEnd;

/// <summary>
/// Wall-clock comparison of <c>sovereignctl render</c> of the example countries against <c>helm
/// template</c> of the same charts with the same values files, run the same number of times, and of
/// a repeated render of unchanged input inside one process (the render cache) against one helm call.
/// Wall clock on purpose: a cold run is process start-up, helm and disk, which BenchmarkDotNet does
/// not model. Run it on a quiet machine; on a shared one compare ratios, not absolute times.
/// </summary>
public sealed class RenderTimingHarness(string root, string sovereignctl, string helm, int runs)
{
    private static readonly string[] Countries = ["thailand", "saudi-arabia", "korea"];

    public static async Task<int> RunAsync(string[] args)
    {
        var root = HarnessArguments.RepositoryRoot();
        var runs = HarnessArguments.Int(args, "--runs", 5);
        var sovereignctl = HarnessArguments.Option(args, "--sovereignctl") ?? Path.Combine(root, "cli", "SovereignOps.Cli", "bin", "Release", "net10.0", "sovereignctl");
        var helm = HelmLocator.Locate(HarnessArguments.Option(args, "--helm"));
        if (!helm.IsFound || !File.Exists(sovereignctl))
        {
            Console.Error.WriteLine(!helm.IsFound ? helm.Problem : $"sovereignctl not found at {sovereignctl}; build the CLI in Release or pass --sovereignctl PATH");
            return 2;
        }

        await new RenderTimingHarness(root, sovereignctl, helm.Path, runs).RunAsync();
        return 0;
    }

    private async Task RunAsync()
    {
        var examples = Countries.Select(c => Path.Combine(root, "examples", c)).ToArray();
        var loaded = BundleLoader.Load(examples);
        var bundle = loaded.Bundle ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        var plan = BundlePlanner.Plan(bundle);
        var units = plan.Profiles
            .SelectMany(p => ProfileRenderUnits.For(p, m => RolloutHeadroom.SurgeFits(bundle, plan.Capacity, m.Capacity)))
            .ToList();
        var charts = Path.Combine(root, "charts");
        var scratch = Directory.CreateTempSubdirectory("sovereignops-render-timing-").FullName;
        try
        {
            var valuesFiles = units.Select((unit, i) => WriteValues(scratch, unit.Values, i)).ToList();
            // The same number of renders under way at once as the pipeline's default.
            var parallel = 2 * Environment.ProcessorCount;
            Console.WriteLine($"{units.Count} chart renders per run (3 countries), {runs} runs, {parallel} helm processes at a time, {Environment.ProcessorCount} processors");

            // helm alone and sovereignctl alternate, one of each per round, so a slow spell of a shared
            // machine hits both sides of a round; the ratio reported is the median of the rounds'.
            var (helmAlone, cli, ratio) = await TimePairsAsync(
                runs,
                () => HelmAllAsync(units, valuesFiles, charts, parallel),
                () => RunAsync(sovereignctl, ["render", .. examples, "--out", Path.Combine(scratch, "out"), "--helm", helm, "--charts", charts]));
            var oneHelmCall = await TimeAsync(runs, () => HelmOneAsync(units[0], valuesFiles[0], charts));

            var options = new HelmRendererOptions { HelmPath = helm, ChartsRoot = charts };
            var coldInProcess = await TimeAsync(runs, async () => Check(await new RenderPipeline(new HelmRenderer(options)).RunAsync(bundle)));
            var pipeline = new RenderPipeline(new HelmRenderer(options));
            var warmInProcess = await TimeAsync(runs * 4, async () => Check(await pipeline.RunAsync(bundle)));
            var renderer = pipeline.Renderer;
            var oneCacheHit = await TimeAsync(runs * 20, async () => Check(await renderer.RenderAsync(units[0].Values)));

            Console.WriteLine();
            Report("helm template, every chart of the 3 countries", helmAlone);
            Report("sovereignctl render of the 3 countries (cold process)", cli);
            Console.WriteLine($"  ratio render / helm alone: {ratio:0.00}, median of {runs} alternating rounds (goal <= 1.5)");
            Report("pipeline in one process, new renderer (cache empty)", coldInProcess);
            Report("pipeline in one process, unchanged input (cache hits)", warmInProcess);
            Report("one helm template call", oneHelmCall);
            Report("one render of unchanged input in one process (cache hit)", oneCacheHit);
            Console.WriteLine($"  ratio cache hit / helm call: {oneCacheHit / oneHelmCall:0.000} (goal <= 0.1)");
            Console.WriteLine($"  renderer: {renderer.Statistics}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task HelmAllAsync(IReadOnlyList<RenderUnit> units, IReadOnlyList<string> valuesFiles, string charts, int parallel)
    {
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(units.Select(async (unit, i) =>
        {
            await slots.WaitAsync();
            try
            {
                await HelmOneAsync(unit, valuesFiles[i], charts);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private Task HelmOneAsync(RenderUnit unit, string valuesFile, string charts) =>
        RunAsync(helm, ["template", HelmReleaseName.From(unit.Values.ReleaseName), Path.Combine(charts, unit.Values.ChartName), "--namespace", unit.Values.Namespace, "-f", valuesFile]);

    private static string WriteValues(string directory, IChartValues values, int index)
    {
        var file = Path.Combine(directory, $"values-{index:00}.json");
        File.WriteAllBytes(file, ChartValuesDocument.From(values).Json.ToArray());
        return file;
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>
    /// Mean seconds of each side over <paramref name="runs"/> rounds that run one of each, after an
    /// untimed warm-up of both, and the median of the per-round ratios second / first.
    /// </summary>
    private static async Task<(double First, double Second, double MedianRatio)> TimePairsAsync(int runs, Func<Task> first, Func<Task> second)
    {
        await first();
        await second();
        var firstTimes = new List<double>();
        var secondTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await first();
            firstTimes.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            await second();
            secondTimes.Add(watch.Elapsed.TotalSeconds);
        }

        var ratios = firstTimes.Zip(secondTimes, (a, b) => b / a).Order().ToList();
        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
        return (firstTimes.Average(), secondTimes.Average(), median);
    }

    /// <summary>Mean seconds per run, after one untimed warm-up run that loads binaries into the page cache.</summary>
    private static async Task<double> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            await action();
        }

        return watch.Elapsed.TotalSeconds / runs;
    }

    private static void Check(PipelineResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Reasons()));
        }
    }

    private static void Check(RenderResult result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    }

    private static void Report(string what, double seconds) =>
        Console.WriteLine($"{what,-60} {seconds * 1000,10:0.0} ms");
}
