using System.Net;
using System.Net.Http.Headers;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Resilience;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Client;

public sealed class KubeApiResilienceTests : IDisposable
{
    private static readonly ResourceKey Key = new("tenant-th", "storefront");
    private static readonly string ConfigMapJson =
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"storefront","namespace":"tenant-th","resourceVersion":"7"}}""";

    private readonly FakeTimeProvider _time = FakeTime.Create();
    private readonly ScriptedHandler _handler;
    private readonly RuntimeMetrics _metrics = new();

    public KubeApiResilienceTests()
    {
        _handler = new ScriptedHandler(_time);
    }

    public void Dispose() => _handler.Dispose();

    [Fact]
    public async Task Throttled_request_waits_for_Retry_After_then_succeeds()
    {
        _handler
            .Then(HttpStatusCode.TooManyRequests, Status(429, "TooManyRequests"), r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)))
            .Then(HttpStatusCode.OK, ConfigMapJson);
        using var api = NewApi();

        var result = await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("7", result.Value.Metadata.ResourceVersion);
        var requests = _handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), requests[1].At - requests[0].At);
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_returned()
    {
        _handler.Fallback = _ => ScriptedHandler.Json(HttpStatusCode.InternalServerError, Status(500, "InternalError", "etcd is sad"));
        using var api = NewApi(new ApiRetryOptions { MaxRetries = 3 });

        var result = await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        Assert.False(result.IsSuccess);
        Assert.Equal(500, result.Error.StatusCode);
        Assert.Equal("InternalError", result.Error.Reason);
        Assert.Equal("etcd is sad", result.Error.Message);
        Assert.Equal(4, _handler.Requests.Count);
        Assert.Contains("sovereignops_api_requests_total{verb=\"get\",code=\"500\"} 4", await _metrics.ExportAsync());
    }

    [Fact]
    public async Task Backoff_between_server_errors_grows()
    {
        _handler.Fallback = _ => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, Status(503, "ServiceUnavailable"));
        using var api = NewApi(new ApiRetryOptions
        {
            MaxRetries = 4,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromMinutes(1),
            Jitter = () => 0.5, // the same draw each time, so only the exponent moves the delay
        });

        await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        var at = _handler.Requests.Select(r => r.At).ToArray();
        var gaps = at.Zip(at.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(4, gaps.Length);
        for (var i = 1; i < gaps.Length; i++)
        {
            Assert.True(gaps[i] > gaps[i - 1], $"gap {i} did not grow: {string.Join(", ", gaps)}");
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden")]
    [InlineData(HttpStatusCode.NotFound, "NotFound")]
    [InlineData(HttpStatusCode.Conflict, "Conflict")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Invalid")]
    public async Task Client_errors_are_returned_without_a_retry(HttpStatusCode status, string reason)
    {
        _handler.Then(status, Status((int)status, reason));
        using var api = NewApi();

        var result = await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        Assert.False(result.IsSuccess);
        Assert.Equal((int)status, result.Error.StatusCode);
        Assert.Equal(reason, result.Error.Reason);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task A_reset_connection_is_retried()
    {
        _handler
            .ThenThrow(new HttpRequestException("Connection reset by peer", new IOException("reset")))
            .Then(HttpStatusCode.OK, ConfigMapJson);
        using var api = NewApi();

        var result = await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, _handler.Requests.Count);
        Assert.Contains("sovereignops_api_requests_total{verb=\"get\",code=\"error\"} 1", await _metrics.ExportAsync());
    }

    [Fact]
    public async Task A_connection_that_never_recovers_becomes_an_error_value()
    {
        _handler.Fallback = _ => throw new HttpRequestException("Connection refused");
        using var api = NewApi(new ApiRetryOptions { MaxRetries = 2 });

        var result = await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));

        Assert.False(result.IsSuccess);
        Assert.Equal(0, result.Error.StatusCode);
        Assert.Equal("ConnectionFailed", result.Error.Reason);
        Assert.True(result.Error.IsTransient);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Every_request_names_the_operator_in_its_user_agent()
    {
        _handler
            .Then(HttpStatusCode.InternalServerError, Status(500, "InternalError"))
            .Then(HttpStatusCode.OK, ConfigMapJson)
            .Then(HttpStatusCode.OK, ConfigMapJson);
        using var api = NewApi();

        await _time.DriveAsync(api.GetAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, CancellationToken.None));
        await _time.DriveAsync(api.PatchAsync<V1ConfigMap>(ResourceType.For<V1ConfigMap>(), Key, PatchType.Merge, "{}", new PatchOptions(), CancellationToken.None));

        Assert.Equal(3, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.Equal("sovereignops-operator/0.1.0", r.UserAgent));
    }

    private KubeApi NewApi(ApiRetryOptions? options = null) =>
        new(new ApiTransport(new HttpClient(_handler), new Uri("http://127.0.0.1:1")), options, _metrics, _time);

    private static string Status(int code, string reason, string message = "") =>
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","code":{{code}},"reason":"{{reason}}","message":"{{message}}"}""";
}
