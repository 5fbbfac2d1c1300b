using k8s;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Runtime.Informers;

/// <summary>
/// Keeps an <see cref="ObjectCache{T}"/> of one kind in step with the API server: list (paged),
/// then watch from the list's resourceVersion with bookmarks and a server-side timeout, resume from
/// the last version seen, re-list on 410 Gone and replay the difference. One list/watch loop runs
/// per watched namespace (or one for all). Every failure is logged, counted and passed to
/// subscribers before the loop backs off and tries again.
/// </summary>
public sealed class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubeApi _api;
    private readonly InformerOptions _options;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly List<Action<InformerEvent<T>>> _subscribers = [];
    private readonly Lock _subscribersGate = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IReadOnlyList<string?> _scopes;
    private int _syncedScopes;

    public Informer(KubeApi api, InformerOptions? options = null, RuntimeMetrics? metrics = null, ILogger? logger = null)
    {
        _api = api;
        _options = options ?? new InformerOptions();
        Type = _options.Type ?? ResourceType.For<T>();
        _metrics = metrics;
        _logger = (logger ?? Log.Logger).ForContext("Kind", Type.Kind);
        Cache = new ObjectCache<T>(Type);
        _scopes = Type.Namespaced && _options.Namespaces.Count > 0
            ? [.. _options.Namespaces.Distinct(StringComparer.Ordinal)]
            : [null];
    }

    public ResourceType Type { get; }

    public ObjectCache<T> Cache { get; }

    /// <summary>
    /// Shrinks every object before it is cached, for kinds that are watched in numbers but read for a
    /// few fields (pods: where they run). Must keep the metadata the cache and the controllers use.
    /// Managed fields are dropped from every object in any case: no reader needs them, and they are
    /// often the largest part of an object.
    /// </summary>
    public Func<T, T>? Trim { get; init; }

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Registers a handler for cache changes and watch errors. Handlers run on the informer's loop: keep them short.</summary>
    public IDisposable Subscribe(Action<InformerEvent<T>> handler)
    {
        lock (_subscribersGate)
        {
            _subscribers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (_subscribersGate)
            {
                _subscribers.Remove(handler);
            }
        });
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_scopes.Select(scope => new ListWatchLoop(this, scope).RunAsync(cancellationToken)));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    IKubernetesObject<V1ObjectMeta>? IInformer.Get(ResourceKey key) => Cache.Get(key);

    IReadOnlyList<IKubernetesObject<V1ObjectMeta>> IInformer.ListByLabel(string key, string value) => Cache.ListByLabel(key, value);

    private T Prepare(T obj)
    {
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
        }

        return Trim is { } trim ? trim(obj) : obj;
    }

    private void MarkScopeSynced()
    {
        if (Interlocked.Increment(ref _syncedScopes) == _scopes.Count)
        {
            _synced.TrySetResult();
            _logger.Information("Informer synced with {Count} objects", Cache.Count);
        }
    }

    private void Publish(InformerEvent<T> change)
    {
        Action<InformerEvent<T>>[] handlers;
        lock (_subscribersGate)
        {
            handlers = [.. _subscribers];
        }

        if (change.Type != InformerEventType.WatchError)
        {
            _metrics?.InformerEvents.WithLabels(Type.Kind, change.Type.ToString()).Inc();
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception exception)
            {
                // A faulty subscriber must not stop the cache from following the server.
                _logger.Error(exception, "Informer subscriber failed on {EventType}", change.Type);
            }
        }
    }

    private void ReportFailure(string? scope, string reason, string message, Exception? exception = null)
    {
        _metrics?.InformerWatchErrors.WithLabels(Type.Kind, reason).Inc();
        _logger.Warning(exception, "List/watch of {Scope} failed ({Reason}): {Message}", scope ?? "all namespaces", reason, message);
        Publish(new InformerEvent<T>(InformerEventType.WatchError, null, null, $"{reason}: {message}"));
    }

    private void Heard() =>
        _metrics?.InformerLastEvent.WithLabels(Type.Kind).Set(_api.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }

    /// <summary>The list-then-watch loop of one namespace (or of all, for null).</summary>
    private sealed class ListWatchLoop(Informer<T> informer, string? scope)
    {
        private string? _resourceVersion;
        private bool _listed;
        private int _failures;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var healthy = _resourceVersion is null
                        ? await ListAsync(cancellationToken)
                        : await WatchAsync(cancellationToken);
                    _failures = healthy ? 0 : _failures + 1;
                    if (_failures > 0)
                    {
                        await Task.Delay(informer._options.Backoff.Delay(_failures, Random.Shared.NextDouble()), informer._api.Time, cancellationToken);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        /// <summary>Lists every page and replaces the scope's cache; false when the list failed.</summary>
        private async Task<bool> ListAsync(CancellationToken cancellationToken)
        {
            var items = new List<T>();
            string? continueToken = null;
            string? version;
            do
            {
                var page = await informer._api.ListAsync<T>(informer.Type, new ListRequest
                {
                    Namespace = scope,
                    LabelSelector = informer._options.LabelSelector,
                    Limit = informer._options.PageSize,
                    Continue = continueToken,
                }, cancellationToken);
                if (!page.IsSuccess)
                {
                    // An expired continue token (410) restarts the list from the top on the next round.
                    informer.ReportFailure(scope, page.Error.IsGone ? "ListExpired" : "ListFailed", page.Error.ToString());
                    return false;
                }

                items.AddRange(page.Value.Items.Select(informer.Prepare));
                continueToken = page.Value.Metadata.ContinueProperty;
                version = page.Value.Metadata.ResourceVersion;
            }
            while (!string.IsNullOrEmpty(continueToken));

            foreach (var change in informer.Cache.Replace(scope, items))
            {
                informer.Publish(change);
            }

            if (_listed)
            {
                informer._metrics?.InformerRelists.WithLabels(informer.Type.Kind).Inc();
            }
            else
            {
                _listed = true;
                informer.MarkScopeSynced();
            }

            informer.Heard();
            _resourceVersion = version;
            return true;
        }

        /// <summary>Watches until the stream ends; false when it failed in a way that calls for backoff.</summary>
        private async Task<bool> WatchAsync(CancellationToken cancellationToken)
        {
            var timeout = informer._options.MinWatchTimeout * (1 + Random.Shared.NextDouble());
            var opened = await informer._api.WatchAsync<T>(informer.Type, new WatchRequest
            {
                Namespace = scope,
                LabelSelector = informer._options.LabelSelector,
                ResourceVersion = _resourceVersion!,
                TimeoutSeconds = Math.Max(1, (int)timeout.TotalSeconds),
            }, cancellationToken);
            if (!opened.IsSuccess)
            {
                return HandleWatchRefused(opened.Error);
            }

            var received = 0;
            var started = informer._api.Time.GetTimestamp();
            using var stream = opened.Value;
            try
            {
                await foreach (var change in stream.ReadAllAsync(cancellationToken))
                {
                    received++;
                    informer.Heard();
                    if (change.Kind == WatchEventKind.Error)
                    {
                        return HandleErrorEvent(change.Status);
                    }

                    Apply(change);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                informer.ReportFailure(scope, "WatchBroken", exception.Message, exception);
                // The versions received so far are kept: the next watch resumes after them.
                return received > 0 && _failures == 0;
            }

            // The server closing the stream at its timeout is the normal end of a watch. A stream
            // that closes at once and empty, again and again, is not, and gets the backoff.
            return received > 0 || informer._api.Time.GetElapsedTime(started) >= TimeSpan.FromSeconds(1);
        }

        private void Apply(WatchEvent<T> change)
        {
            var obj = informer.Prepare(change.Object!);
            var version = obj.Metadata?.ResourceVersion;
            switch (change.Kind)
            {
                case WatchEventKind.Added or WatchEventKind.Modified:
                    var previous = informer.Cache.Upsert(obj);
                    informer.Publish(previous is null
                        ? new InformerEvent<T>(InformerEventType.Added, obj)
                        : new InformerEvent<T>(InformerEventType.Updated, obj, previous));
                    break;
                case WatchEventKind.Deleted:
                    var removed = informer.Cache.Remove(informer.Type.KeyOf(obj.Metadata!));
                    informer.Publish(new InformerEvent<T>(InformerEventType.Deleted, removed ?? obj));
                    break;
                case WatchEventKind.Bookmark:
                    break;
            }

            if (!string.IsNullOrEmpty(version))
            {
                _resourceVersion = version;
            }
        }

        private bool HandleWatchRefused(ApiError error)
        {
            if (error.IsGone)
            {
                informer.ReportFailure(scope, "Gone", $"resourceVersion {_resourceVersion} expired, listing again");
                _resourceVersion = null;
                return true;
            }

            informer.ReportFailure(scope, "WatchFailed", error.ToString());
            return false;
        }

        private bool HandleErrorEvent(V1Status? status)
        {
            if (status?.Code == 410)
            {
                informer.ReportFailure(scope, "Gone", $"resourceVersion {_resourceVersion} expired, listing again");
                _resourceVersion = null;
                return true;
            }

            informer.ReportFailure(scope, "WatchErrorEvent", $"{status?.Code} {status?.Reason}: {status?.Message}");
            return false;
        }
    }
}
