namespace SovereignOps.Runtime.Resilience;

/// <summary>
/// A fully read API response. Reading the body inside the retried operation means a connection
/// reset half-way through a large list is retried like any other transient failure.
/// </summary>
public sealed record ApiResponse(int StatusCode, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
