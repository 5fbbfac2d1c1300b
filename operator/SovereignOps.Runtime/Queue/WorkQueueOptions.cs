namespace SovereignOps.Runtime.Queue;

/// <summary>How a <see cref="WorkQueue"/> spaces out retries.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>Delay after a key's first failure; it doubles with every further consecutive failure.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest a failing key waits between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Sustained retries per second across all keys.</summary>
    public double RetriesPerSecond { get; init; } = 10;

    /// <summary>Retries allowed at once before <see cref="RetriesPerSecond"/> applies.</summary>
    public int RetryBurst { get; init; } = 100;
}
