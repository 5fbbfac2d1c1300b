using Polly;
using Polly.Retry;
using Serilog;

namespace SovereignOps.Runtime.Resilience;

/// <summary>
/// The Polly pipeline every non-watch API call runs through: a timeout per attempt inside a
/// bounded retry with exponential, jittered backoff that defers to the server's Retry-After.
/// </summary>
public static class ApiResiliencePipeline
{
    public static ResiliencePipeline<ApiResponse> Create(ApiRetryOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new RetryStrategyOptions<ApiResponse>
        {
            ShouldHandle = args => ValueTask.FromResult(TransientFailures.ShouldRetry(args.Outcome)),
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, options)),
            OnRetry = args =>
            {
                logger.Warning("API call failed ({Failure}); attempt {Attempt} of {Attempts} in {Delay}",
                    Describe(args.Outcome), args.AttemptNumber + 2, options.MaxRetries + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        };

        if (options.Jitter is { } jitter)
        {
            retry.Randomizer = jitter;
        }

        var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(retry);
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>The Retry-After of a throttled or unavailable response, capped; null lets the backoff decide.</summary>
    internal static TimeSpan? ServerRequestedDelay(Outcome<ApiResponse> outcome, ApiRetryOptions options) =>
        outcome.Result?.RetryAfter is { } requested
            ? TimeSpan.FromTicks(Math.Clamp(requested.Ticks, 0, options.MaxRetryAfter.Ticks))
            : null;

    private static string Describe(Outcome<ApiResponse> outcome) =>
        outcome.Exception is { } exception
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"HTTP {outcome.Result?.StatusCode}";
}
