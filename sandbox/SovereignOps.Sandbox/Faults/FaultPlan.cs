using System.Collections.Immutable;

namespace SovereignOps.Sandbox.Faults;

/// <summary>
/// What to break, and how often. Every share is a probability per request drawn from a generator seeded
/// with <see cref="Seed"/>, so a sequential run repeats exactly. The default plan breaks nothing.
/// </summary>
public sealed record FaultPlan
{
    public static readonly FaultPlan None = new();

    public int Seed { get; init; } = 1;

    /// <summary>Share (0..1) of API requests (watches excluded) answered with one of <see cref="FailureCodes"/>.</summary>
    public double FailureRate { get; init; }

    /// <summary>Which failures to pick from, uniformly: 500, 429 (with Retry-After) and 409 are supported.</summary>
    public ImmutableArray<int> FailureCodes { get; init; } = [500];

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Only these verbs are failed or delayed (get, list, create, update, patch, delete…); empty means all.</summary>
    public ImmutableArray<string> Verbs { get; init; } = [];

    /// <summary>Added to every API request.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Up to this much more latency, drawn per request.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>Watch streams end after this many events.</summary>
    public int? WatchCutAfterEvents { get; init; }

    /// <summary>Watch streams end after this long.</summary>
    public TimeSpan? WatchCutAfter { get; init; }

    /// <summary>Share (0..1) of watch resumes (a resourceVersion given) answered with 410 Expired.</summary>
    public double WatchExpireRate { get; init; }

    /// <summary>Every API request fails with 503 for this long from the moment the plan is set.</summary>
    public TimeSpan? Outage { get; init; }
}
