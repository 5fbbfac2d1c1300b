namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// What a reconcile asks the controller to do next. Expected failures are results, not exceptions:
/// an exception escaping a reconciler is treated like <see cref="Retry"/> and logged as unexpected.
/// </summary>
public abstract record ReconcileResult
{
    private ReconcileResult()
    {
    }

    /// <summary>The object matches its desired state; nothing to do until something changes.</summary>
    public static ReconcileResult Done { get; } = new DoneResult();

    /// <summary>Converged for now, but look again after the delay (e.g. to poll a rollout).</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay) => new RequeueAfterResult(delay);

    /// <summary>A transient failure: try again with the key's exponential backoff, or after <paramref name="after"/>.</summary>
    public static ReconcileResult Retry(string error, TimeSpan? after = null) => new RetryResult(error, after);

    /// <summary>
    /// A failure that retrying cannot fix (invalid spec, a guard violation). The key is not retried
    /// until the object changes: a new generation or resourceVersion reaches the queue again anyway.
    /// </summary>
    public static ReconcileResult Terminal(string error) => new TerminalResult(error);

    public sealed record DoneResult : ReconcileResult;

    public sealed record RequeueAfterResult(TimeSpan Delay) : ReconcileResult;

    public sealed record RetryResult(string Error, TimeSpan? After) : ReconcileResult;

    public sealed record TerminalResult(string Error) : ReconcileResult;
}
