using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace SovereignOps.Runtime.Resilience;

/// <summary>
/// Which failures are worth another attempt. Throttling (429), server errors (5xx but 501/505,
/// which will not change), request timeouts (408) and broken connections are; every other 4xx is
/// an answer about the request itself and is returned at once. A 409 is returned too: on an
/// optimistic-concurrency write the caller must re-read, not resend the same body.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransientStatus(int statusCode) =>
        statusCode is 408 or 429 || (statusCode >= 500 && statusCode is not 501 and not 505);

    public static bool IsTransientException(Exception exception) => exception switch
    {
        HttpRequestException => true,
        IOException => true,
        SocketException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    public static bool ShouldRetry(Outcome<ApiResponse> outcome) =>
        outcome.Exception is { } exception
            ? IsTransientException(exception)
            : outcome.Result is { } response && IsTransientStatus(response.StatusCode);
}
