using System.Net;
using System.Text;

namespace SovereignOps.Runtime.Tests.Support;

/// <summary>An HTTP handler that answers from a script and remembers what it was asked, and when.</summary>
internal sealed class ScriptedHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Used once the script has run out.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    public ScriptedHandler Then(HttpStatusCode status, string body = "{}", Action<HttpResponseMessage>? configure = null)
    {
        _script.Enqueue(_ =>
        {
            var response = Json(status, body);
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery,
                request.Headers.UserAgent.ToString(), request.Content?.Headers.ContentType?.MediaType, body, time.GetUtcNow()));
        }

        Func<HttpRequestMessage, HttpResponseMessage>? next;
        lock (_script)
        {
            _script.TryDequeue(out next);
        }

        next ??= Fallback ?? throw new InvalidOperationException($"no scripted response left for {request.Method} {request.RequestUri}");
        return next(request);
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, string UserAgent, string? ContentType, string? Body, DateTimeOffset At);
