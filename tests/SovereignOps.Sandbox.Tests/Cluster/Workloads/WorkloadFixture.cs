using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>A sandbox with the workload controllers and a fixed seed, shared by a test class; each test uses its own namespace.</summary>
public sealed class WorkloadFixture : SandboxFixture
{
    protected override SandboxOptions Options => base.Options with { Seed = 7 };
}
