namespace SovereignOps.Runtime.Resilience;

/// <summary>How API calls are retried when the failure is transient.</summary>
public sealed record ApiRetryOptions
{
    /// <summary>Attempts after the first; afterwards the failure is returned to the caller.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First backoff; it grows exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest computed backoff between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a server's Retry-After is honoured; longer asks are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit for one attempt, from sending the request to reading the whole body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The source of the jitter (uniform in [0, 1)); fixed in tests so the backoff is repeatable.</summary>
    internal Func<double>? Jitter { get; init; }
}
