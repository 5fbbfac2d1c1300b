namespace SovereignOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// A sandbox without the workload controllers, like an API server with no controller-manager: for tests of
/// pure API semantics (conflicts, generation, status) that must not race a controller writing workload status.
/// </summary>
public sealed class ApiServerOnlyFixture : SandboxFixture
{
    protected override SandboxOptions Options => base.Options with { WorkloadControllers = false };
}
