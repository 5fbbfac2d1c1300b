using System.Net;
using k8s.Models;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// A request the API server refused or that never got an answer. <see cref="StatusCode"/> is the
/// HTTP status, or 0 when no response came back (connection refused or reset, timeout).
/// </summary>
public sealed record ApiError(int StatusCode, string Reason, string Message, TimeSpan? RetryAfter = null)
{
    public bool IsNotFound => StatusCode == (int)HttpStatusCode.NotFound;

    /// <summary>An optimistic-concurrency or uid precondition failed, or the object already exists.</summary>
    public bool IsConflict => StatusCode == (int)HttpStatusCode.Conflict;

    /// <summary>The requested resourceVersion is too old: list again.</summary>
    public bool IsGone => StatusCode == (int)HttpStatusCode.Gone;

    /// <summary>Worth retrying later: no response, throttled, a timeout or a server error.</summary>
    public bool IsTransient => StatusCode is 0 or 429 or 408 or >= 500;

    public override string ToString() =>
        StatusCode == 0 ? $"{Reason}: {Message}" : $"{StatusCode} {Reason}: {Message}";

    internal static ApiError FromStatus(int statusCode, V1Status? status, TimeSpan? retryAfter) =>
        new(statusCode,
            string.IsNullOrEmpty(status?.Reason) ? ((HttpStatusCode)statusCode).ToString() : status.Reason,
            status?.Message ?? string.Empty,
            retryAfter);

    internal static ApiError NoResponse(Exception exception) =>
        new(0, exception is TimeoutException or TaskCanceledException ? "Timeout" : "ConnectionFailed", exception.Message);
}
