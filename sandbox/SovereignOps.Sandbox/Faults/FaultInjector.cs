using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Faults;

/// <summary>The decision a request gets from the fault plan.</summary>
public sealed record FaultDecision(TimeSpan Delay, ApiError? Failure);

/// <summary>
/// Applies the current <see cref="FaultPlan"/>. Set at start through the options, or at run time
/// through <see cref="Configure"/> (the in-process API) or the /sandbox/faults admin endpoint.
/// </summary>
public sealed class FaultInjector(TimeProvider clock)
{
    private readonly object _gate = new();
    private FaultPlan _plan = FaultPlan.None;
    private Random _random = new(1);
    private DateTimeOffset _outageEnds = DateTimeOffset.MinValue;

    public FaultPlan Plan
    {
        get
        {
            lock (_gate)
            {
                return _plan;
            }
        }
    }

    /// <summary>Replaces the plan and restarts its random sequence; an outage in it starts now.</summary>
    public void Configure(FaultPlan plan)
    {
        lock (_gate)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
            _outageEnds = plan.Outage is { } outage ? clock.GetUtcNow() + outage : DateTimeOffset.MinValue;
        }
    }

    public void Clear() => Configure(FaultPlan.None);

    public FaultDecision Decide(string verb)
    {
        lock (_gate)
        {
            if (clock.GetUtcNow() < _outageEnds)
            {
                return new FaultDecision(TimeSpan.Zero, ApiError.ServiceUnavailable("the sandbox is simulating an API outage") with
                {
                    RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_outageEnds - clock.GetUtcNow()).TotalSeconds)),
                });
            }

            if (!_plan.Verbs.IsEmpty && !_plan.Verbs.Contains(verb))
            {
                return new FaultDecision(TimeSpan.Zero, null);
            }

            var delay = _plan.Latency + (_plan.LatencyJitter > TimeSpan.Zero ? _plan.LatencyJitter * _random.NextDouble() : TimeSpan.Zero);
            if (verb == "watch" || _plan.FailureRate <= 0 || _random.NextDouble() >= _plan.FailureRate || _plan.FailureCodes.IsEmpty)
            {
                return new FaultDecision(delay, null);
            }

            var code = _plan.FailureCodes[_random.Next(_plan.FailureCodes.Length)];
            ApiError failure = code switch
            {
                429 => ApiError.TooManyRequests(_plan.RetryAfterSeconds),
                409 => new ApiError(409, "Conflict", "Operation cannot be fulfilled: the sandbox injected a conflict; please apply your changes to the latest version and try again"),
                503 => ApiError.ServiceUnavailable("the sandbox injected an unavailable answer"),
                _ => ApiError.Internal("the sandbox injected a failure"),
            };
            return new FaultDecision(delay, failure);
        }
    }

    public bool ShouldExpireWatch()
    {
        lock (_gate)
        {
            return _plan.WatchExpireRate > 0 && _random.NextDouble() < _plan.WatchExpireRate;
        }
    }

    public (int? Events, TimeSpan? After) WatchCut()
    {
        lock (_gate)
        {
            return (_plan.WatchCutAfterEvents, _plan.WatchCutAfter);
        }
    }
}
