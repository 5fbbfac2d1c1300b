using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SovereignOps.Sandbox.Metrics;

/// <summary>
/// Request accounting in the Prometheus text format: <c>sandbox_requests_total{verb,resource,user_agent,code}</c>
/// and the <c>sandbox_watch_streams</c> gauge, so tests and benchmarks can count each client's writes.
/// </summary>
public sealed class SandboxMetrics
{
    private readonly ConcurrentDictionary<RequestKey, long> _requests = new();
    private long _watchStreams;

    public long OpenWatchStreams => Interlocked.Read(ref _watchStreams);

    public void CountRequest(string verb, string resource, string userAgent, int code) =>
        _requests.AddOrUpdate(new RequestKey(verb, resource, ClientName(userAgent), code), 1, (_, n) => n + 1);

    /// <summary>How many requests matched; null arguments match anything.</summary>
    public long Requests(string? verb = null, string? resource = null, string? userAgent = null, int? code = null) =>
        _requests.Where(r =>
                (verb is null || r.Key.Verb == verb) &&
                (resource is null || r.Key.Resource == resource) &&
                (userAgent is null || r.Key.UserAgent == userAgent) &&
                (code is null || r.Key.Code == code))
            .Sum(r => r.Value);

    internal void WatchStarted() => Interlocked.Increment(ref _watchStreams);

    internal void WatchEnded() => Interlocked.Decrement(ref _watchStreams);

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("# HELP sandbox_requests_total API requests served, by verb, resource, client and response code.\n");
        text.Append("# TYPE sandbox_requests_total counter\n");
        foreach (var (key, count) in _requests.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"sandbox_requests_total{{verb=\"{Escape(key.Verb)}\",resource=\"{Escape(key.Resource)}\",user_agent=\"{Escape(key.UserAgent)}\",code=\"{key.Code}\"}} {count}\n");
        }

        text.Append("# HELP sandbox_watch_streams Watch streams currently open.\n");
        text.Append("# TYPE sandbox_watch_streams gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"sandbox_watch_streams {OpenWatchStreams}\n");
        return text.ToString();
    }

    /// <summary>The client's product name ("kubectl", "Helm"), so the label set stays small.</summary>
    public static string ClientName(string userAgent)
    {
        var product = userAgent.Split('/', 2)[0].Trim();
        return product.Length == 0 ? "unknown" : product;
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private readonly record struct RequestKey(string Verb, string Resource, string UserAgent, int Code);
}
