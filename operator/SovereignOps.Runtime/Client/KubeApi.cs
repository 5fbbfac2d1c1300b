using System.Diagnostics;
using System.Text;
using k8s;
using k8s.Models;
using Polly;
using Serilog;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Resilience;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// The runtime's REST client for any kind, built-in or custom, over KubernetesClient's HTTP stack.
/// Every call but a watch runs through the resilience pipeline; every attempt is counted by verb and
/// status code and carries the operator's User-Agent. Failures come back as <see cref="ApiError"/>
/// values; only cancellation and malformed responses throw.
/// </summary>
public sealed class KubeApi : IDisposable
{
    private const string JsonContentType = "application/json";

    private readonly ApiTransport _transport;
    private readonly ResiliencePipeline<ApiResponse> _pipeline;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;

    public KubeApi(ApiTransport transport, ApiRetryOptions? retry = null, RuntimeMetrics? metrics = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _transport = transport;
        _metrics = metrics;
        _logger = (logger ?? Log.Logger).ForContext<KubeApi>();
        Time = time ?? TimeProvider.System;
        _pipeline = ApiResiliencePipeline.Create(retry ?? new ApiRetryOptions(), Time, _logger);
    }

    public TimeProvider Time { get; }

    public Uri BaseUri => _transport.BaseUri;

    public async Task<ApiResult<T>> GetAsync<T>(ResourceType type, ResourceKey key, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var result = await SendAsync("get", HttpMethod.Get, type.ObjectPath(key), null, null, cancellationToken);
        return Read<T>(type, result);
    }

    /// <summary>A GET of a path that is not an object, such as <c>version</c>; the body comes back as text.</summary>
    public async Task<ApiResult<string>> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        var result = await SendAsync("get", HttpMethod.Get, path, null, null, cancellationToken);
        return result.IsSuccess ? ApiResult.Success(result.Value.Body) : result.Error;
    }

    /// <summary>One page of a list. Items get their apiVersion and kind, which list responses leave out.</summary>
    public async Task<ApiResult<ObjectList<T>>> ListAsync<T>(ResourceType type, ListRequest request, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var path = new QueryString(type.CollectionPath(request.Namespace))
            .Add("labelSelector", request.LabelSelector)
            .Add("fieldSelector", request.FieldSelector)
            .Add("limit", request.Limit)
            .Add("continue", request.Continue)
            .Add("resourceVersion", request.ResourceVersion)
            .ToString();
        var result = await SendAsync("list", HttpMethod.Get, path, null, null, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var list = ApiJson.Deserialize<ObjectList<T>>(result.Value.Body);
        foreach (var item in list.Items)
        {
            Stamp(type, item);
        }

        return ApiResult.Success(list);
    }

    public async Task<ApiResult<T>> CreateAsync<T>(ResourceType type, T obj, CancellationToken cancellationToken, string? fieldManager = null)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var path = new QueryString(type.CollectionPath(obj.Metadata.NamespaceProperty)).Add("fieldManager", fieldManager).ToString();
        var result = await SendAsync("create", HttpMethod.Post, path, KubernetesJson.Serialize(obj), JsonContentType, cancellationToken);
        return Read<T>(type, result);
    }

    public async Task<ApiResult<T>> PatchAsync<T>(ResourceType type, ResourceKey key, PatchType patchType, string body, PatchOptions options, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var result = await SendPatchAsync(type, key, patchType, body, options, cancellationToken);
        return Read<T>(type, result);
    }

    /// <summary>A PATCH whose response is not needed as a typed object (objects of many kinds, applied in one loop).</summary>
    public async Task<ApiResult<bool>> PatchAsync(ResourceType type, ResourceKey key, PatchType patchType, string body, PatchOptions options, CancellationToken cancellationToken)
    {
        var result = await SendPatchAsync(type, key, patchType, body, options, cancellationToken);
        return result.IsSuccess ? ApiResult.Success(true) : result.Error;
    }

    /// <summary>Deletes the object. True when this call deleted it, false when it was already gone.</summary>
    public async Task<ApiResult<bool>> DeleteAsync(ResourceType type, ResourceKey key, DeleteOptions options, CancellationToken cancellationToken)
    {
        var body = new V1DeleteOptions
        {
            PropagationPolicy = options.PropagationPolicy,
            Preconditions = options.Uid is null && options.ResourceVersion is null
                ? null
                : new V1Preconditions { Uid = options.Uid, ResourceVersion = options.ResourceVersion },
        };
        var result = await SendAsync("delete", HttpMethod.Delete, type.ObjectPath(key), KubernetesJson.Serialize(body), JsonContentType, cancellationToken);
        if (result.IsSuccess)
        {
            return ApiResult.Success(true);
        }

        return result.Error.IsNotFound ? ApiResult.Success(false) : result.Error;
    }

    /// <summary>
    /// Opens a watch. Not retried here: the informer owns reconnection, with its own backoff, and
    /// must see every failure. A version that is too old comes back as a 410 <see cref="ApiError"/>.
    /// </summary>
    public async Task<ApiResult<WatchStream<T>>> WatchAsync<T>(ResourceType type, WatchRequest request, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var path = new QueryString(type.CollectionPath(request.Namespace))
            .Add("watch", true)
            .Add("allowWatchBookmarks", true)
            .Add("resourceVersion", request.ResourceVersion)
            .Add("timeoutSeconds", request.TimeoutSeconds)
            .Add("labelSelector", request.LabelSelector)
            .ToString();
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(path));
            response = await _transport.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (IsNoResponse(exception, cancellationToken))
        {
            Record("watch", "error", started);
            return ApiError.NoResponse(exception);
        }

        Record("watch", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), started);
        if (response.IsSuccessStatusCode)
        {
            return ApiResult.Success(new WatchStream<T>(type, response));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return ToError(new ApiResponse((int)response.StatusCode, body, RetryAfterOf(response)));
        }
    }

    public void Dispose() => _transport.Dispose();

    internal static void Stamp<T>(ResourceType type, T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        item.ApiVersion ??= type.ApiVersion;
        item.Kind ??= type.Kind;
    }

    private static ApiResult<T> Read<T>(ResourceType type, ApiResult<ApiResponse> result)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var value = ApiJson.Deserialize<T>(result.Value.Body);
        Stamp(type, value);
        return ApiResult.Success(value);
    }

    private Task<ApiResult<ApiResponse>> SendPatchAsync(ResourceType type, ResourceKey key, PatchType patchType, string body, PatchOptions options, CancellationToken cancellationToken)
    {
        var path = new QueryString(type.ObjectPath(key, options.Subresource))
            .Add("fieldManager", options.FieldManager)
            .Add("force", options.Force)
            .Add("dryRun", options.DryRun ? "All" : null)
            .ToString();
        return SendAsync("patch", HttpMethod.Patch, path, body, patchType.ContentType(), cancellationToken);
    }

    private async Task<ApiResult<ApiResponse>> SendAsync(string verb, HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        ApiResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token => await AttemptAsync(verb, method, path, body, contentType, token),
                cancellationToken);
        }
        catch (Exception exception) when (IsNoResponse(exception, cancellationToken))
        {
            _logger.Warning("{Verb} {Path} got no response: {Error}", verb, path, exception.Message);
            return ApiError.NoResponse(exception);
        }

        return response.IsSuccess ? ApiResult.Success(response) : ToError(response);
    }

    private async Task<ApiResponse> AttemptAsync(string verb, HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A request message cannot be sent twice, so every attempt builds its own.
            using var request = new HttpRequestMessage(method, _transport.Resolve(path));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? JsonContentType);
            }

            using var response = await _transport.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            Record(verb, status.ToString(System.Globalization.CultureInfo.InvariantCulture), started);
            return new ApiResponse(status, text, RetryAfterOf(response));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Record(verb, "error", started);
            throw;
        }
    }

    private static bool IsNoResponse(Exception exception, CancellationToken callerToken) =>
        TransientFailures.IsTransientException(exception)
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    private static ApiError ToError(ApiResponse response)
    {
        V1Status? status = null;
        if (response.Body.TrimStart().StartsWith('{'))
        {
            try
            {
                status = KubernetesJson.Deserialize<V1Status>(response.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a Status object (a proxy's error page, say): the body becomes the message below.
            }
        }

        status ??= new V1Status { Message = response.Body.Length > 512 ? response.Body[..512] : response.Body };
        return ApiError.FromStatus(response.StatusCode, status, response.RetryAfter);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - Time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private void Record(string verb, string code, long started)
    {
        if (_metrics is null)
        {
            return;
        }

        _metrics.ApiRequests.WithLabels(verb, code).Inc();
        _metrics.ApiRequestDuration.WithLabels(verb).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
