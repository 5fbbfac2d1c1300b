using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace SovereignOps.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project bench/SovereignOps.Benchmarks -- --filter '*'</c>
/// (add <c>--inProcess</c> to skip building a separate benchmark host).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // The default two-minute limit for building the generated host is too short on a busy shared build machine.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
