using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SovereignOps.Benchmarks.EndToEnd;
using SovereignOps.Benchmarks.Operator;

namespace SovereignOps.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/SovereignOps.Benchmarks -- --filter '*'</c> runs the
/// BenchmarkDotNet suites (add <c>--inProcess</c> to skip building a separate benchmark host);
/// <c>-- render-timing [--runs N] [--helm PATH] [--sovereignctl PATH]</c> times sovereignctl render
/// of the example countries against helm template alone; <c>-- operator-scale [--profiles 50] [--models 20]
/// [--agents 10] [--steady-seconds 60] [--operator PATH]</c> runs the published operator against a sandbox
/// holding that many customers.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "render-timing")
        {
            return await RenderTimingHarness.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "operator-scale")
        {
            return await OperatorScaleHarness.RunAsync(args[1..]);
        }

        // The default two-minute limit for building the generated host is too short on a busy shared build machine.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
