using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Tests.Infrastructure;

/// <summary>Plain HTTPS requests to the sandbox (with the CA and token), for what typed clients hide: raw watch lines, headers, metrics.</summary>
public sealed class RawClient : IDisposable
{
    private readonly HttpClient _http;

    public RawClient(SandboxServer server)
    {
        var ca = X509Certificate2.CreateFromPem(server.CaPem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate!);
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("sandbox-tests/1.0");
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return _http.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path, string? accept = null)
    {
        using var response = await GetAsync(path, accept);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return _http.SendAsync(request);
    }

    /// <summary>Reads watch events (one JSON object per line) until <paramref name="stop"/> says so or the stream ends.</summary>
    public async Task<List<JsonObject>> WatchAsync(string path, Func<List<JsonObject>, bool> stop, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        using var reader = new StreamReader(stream);
        var events = new List<JsonObject>();
        while (!stop(events) && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length > 0)
            {
                events.Add(JsonNode.Parse(line)!.AsObject());
            }
        }

        return events;
    }

    public void Dispose() => _http.Dispose();
}
