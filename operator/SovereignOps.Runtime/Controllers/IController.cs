namespace SovereignOps.Runtime.Controllers;

/// <summary>What the manager needs to run controllers of different kinds.</summary>
public interface IController
{
    /// <summary>The kind reconciled, used in metrics and logs.</summary>
    string Kind { get; }

    /// <summary>
    /// Reconciles until the token is canceled (shutdown or lost leadership). Cancellation stops
    /// intake at once and cancels every reconcile in flight; the method returns when they have ended.
    /// </summary>
    Task RunAsync(CancellationToken cancellationToken);
}
