namespace SovereignOps.Sandbox.Controllers;

/// <summary>An in-process control loop that runs for the lifetime of the sandbox.</summary>
internal interface IController
{
    Task RunAsync(CancellationToken cancellationToken);
}
