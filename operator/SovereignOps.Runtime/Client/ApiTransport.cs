using System.Net;
using k8s;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// Sends requests to one API server: the base address, the HTTP pipeline (TLS, client
/// certificates) and the credentials to attach to each request (bearer tokens are refreshed by
/// KubernetesClient's credential providers, so they are applied per attempt, not once).
/// </summary>
public sealed class ApiTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<HttpRequestMessage, CancellationToken, Task> _authenticate;
    private readonly IDisposable? _owner;
    private readonly string _userAgent;

    public ApiTransport(HttpClient http, Uri baseUri, Func<HttpRequestMessage, CancellationToken, Task>? authenticate = null, IDisposable? owner = null, string? userAgent = null)
    {
        _http = http;
        _userAgent = userAgent ?? UserAgent.Value;
        var text = baseUri.AbsoluteUri;
        BaseUri = new Uri(text.EndsWith('/') ? text : text + "/");
        _authenticate = authenticate ?? ((_, _) => Task.CompletedTask);
        _owner = owner;
    }

    public Uri BaseUri { get; }

    /// <summary>
    /// A transport using KubernetesClient's HTTP stack and credentials for the given configuration.
    /// Other programs built on the runtime (sovereignctl) name themselves with <paramref name="userAgent"/>.
    /// </summary>
    public static ApiTransport FromConfig(KubernetesClientConfiguration config, string? userAgent = null)
    {
        config.UserAgent = userAgent ?? UserAgent.Value;
        var kubernetes = new Kubernetes(config);
        return new ApiTransport(kubernetes.HttpClient, kubernetes.BaseUri,
            (request, ct) => kubernetes.Credentials?.ProcessHttpRequestAsync(request, ct) ?? Task.CompletedTask,
            kubernetes, config.UserAgent);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        await _authenticate(request, cancellationToken);
        // Headers only: bodies are streamed, which a watch depends on.
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    internal Uri Resolve(string relative) => new(BaseUri, relative);

    public void Dispose()
    {
        _owner?.Dispose();
    }
}
