using BenchmarkDotNet.Attributes;
using SovereignOps.Api.Bundles;
using SovereignOps.Planning;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Benchmarks.Planning;

/// <summary>Plan and guard for one profile with 10 models and 50 agents: what every reconcile of a customer pays before helm.</summary>
[MemoryDiagnoser]
public class PlanAndGuardBenchmarks
{
    private Bundle bundle = null!;
    private BundlePlan plan = null!;
    private IReadOnlyList<GuardedObject> rendered = null!;
    private GuardContext context = null!;

    [Params(10)]
    public int Models { get; set; }

    [Params(50)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bundle = SyntheticStack.Bundle(Models, Agents);
        plan = BundlePlanner.Plan(bundle);
        if (!plan.Succeeded)
        {
            throw new InvalidOperationException("the synthetic stack must plan cleanly: " + string.Join("; ", plan.Problems) + string.Join("; ", plan.Residency));
        }

        rendered = SyntheticStack.Rendered(plan);
        context = SyntheticStack.Context(plan);
        if (ResidencyGuard.Check(context, rendered).Count != 0)
        {
            throw new InvalidOperationException("the synthetic rendered objects must pass the guard");
        }
    }

    [Benchmark]
    public BundlePlan Plan() => BundlePlanner.Plan(bundle);

    [Benchmark]
    public IReadOnlyList<Violation> Guard() => ResidencyGuard.Check(context, rendered);

    [Benchmark(Baseline = true)]
    public int PlanAndGuard() => BundlePlanner.Plan(bundle).Profiles.Count + ResidencyGuard.Check(context, rendered).Count;
}
